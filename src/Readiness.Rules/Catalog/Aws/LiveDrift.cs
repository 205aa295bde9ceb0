using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>
/// What the drift rules share: a live resource is weaker than its code when a control reports the live resource and
/// not its definition. The control is the one rule that already says what "too open" means for a policy, so a drift
/// rule never keeps a second definition of it.
/// </summary>
internal static class LiveDrift
{
    /// <summary>
    /// The live resource fails <paramref name="control"/> (definitely) while its code passes it (definitely); an
    /// undecided answer on either side is not drift.
    /// </summary>
    public static bool Widened<T>(ResourceRule<T> control, T code, T live, RuleContext context) where T : CloudResource
    {
        var inLive = control.Check(live, context).ToList();
        if (inLive.Count == 0 || inLive.Any(f => f.Undecided)) return false;
        return !control.Check(code, context).Any();
    }

    /// <summary>A setting that is on in code and off live (both known).</summary>
    public static bool TurnedOff(Value<bool> code, Value<bool> live) => code is { IsKnown: true, Known: true } && live is { IsKnown: true, Known: false };

    public static Dictionary<string, string> Properties(string attribute, string code, string live) =>
        new() { ["attribute"] = attribute, ["code"] = code, ["live"] = live };

    public const string Fix = "apply the code (terraform apply, or update the stack) and find out who changed it, or change the code to match and review why";
}
