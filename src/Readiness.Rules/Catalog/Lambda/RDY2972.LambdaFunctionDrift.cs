using System.Globalization;
using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Lambda;

/// <summary>
/// A live Lambda function weaker than its definition in code: its function URL takes unauthenticated requests where the
/// code requires IAM or declares no URL, or it runs an older version of its language's runtime than the code says.
/// </summary>
public sealed partial class LambdaFunctionDrift : ResourceRule<LambdaFunction>
{
    public override IEnumerable<Finding> Check(LambdaFunction live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not LambdaFunction code) yield break;

        if (live.UrlAuthType is { IsKnown: true, Known: "NONE" } && code.UrlAuthType is { IsKnown: true, Known: not "NONE" })
        {
            var coded = code.UrlAuthType.Known ?? "none";
            var what = code.UrlAuthType.Known is null ? "declares no function URL" : $"requires {code.UrlAuthType.Known}";
            yield return context.OnResource(live,
                $"Lambda function {live.DisplayName} has a function URL with AuthType NONE in the live account but its code ({code.DisplayName}) {what}; someone changed it outside the code, so anyone on the internet can invoke the function: set the URL's auth type back to AWS_IAM (or delete the URL) by applying the code, and find out who changed it.",
                nameof(LambdaFunction.UrlAuthType), fingerprintKey: "drift:UrlAuthType",
                properties: Properties(nameof(LambdaFunction.UrlAuthType), coded, "NONE"));
        }

        if (code.Runtime is { IsKnown: true, Known: { } inCode } && live.Runtime is { IsKnown: true, Known: { } inLive } && Older(inLive, inCode))
        {
            yield return context.OnResource(live,
                $"Lambda function {live.DisplayName} runs on {inLive} in the live account but its code ({code.DisplayName}) says {inCode}; someone moved it to an older runtime outside the code: apply the code (terraform apply, or update the stack) and find out who changed it.",
                nameof(LambdaFunction.Runtime), fingerprintKey: "drift:Runtime",
                properties: Properties(nameof(LambdaFunction.Runtime), inCode, inLive));
        }
    }

    /// <summary>True when both are versions of the same language ("python3.8", "nodejs16.x", "java17") and the first is older.</summary>
    internal static bool Older(string runtime, string than)
    {
        var a = RuntimeName().Match(runtime);
        var b = RuntimeName().Match(than);
        if (!a.Success || !b.Success || a.Groups["language"].Value != b.Groups["language"].Value) return false;
        var x = Numbers(a.Groups["version"].Value);
        var y = Numbers(b.Groups["version"].Value);
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var (p, q) = (i < x.Length ? x[i] : 0, i < y.Length ? y[i] : 0);
            if (p != q) return p < q;
        }
        return false;
    }

    private static int[] Numbers(string version) =>
        version.Split('.', StringSplitOptions.RemoveEmptyEntries).Where(p => p.All(char.IsAsciiDigit)).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex(@"^(?<language>[a-z]+)(?<version>[0-9][0-9.x]*)$")]
    private static partial Regex RuntimeName();

    private static Dictionary<string, string> Properties(string attribute, string inCode, string inLive) =>
        new() { ["attribute"] = attribute, ["code"] = inCode, ["live"] = inLive };
}
