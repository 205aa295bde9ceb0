using System.Globalization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>
/// A live secret not rotated within max_age_days (Secrets Manager's LastRotatedDate, or its creation date when it was
/// never rotated). A secret younger than that is only a reminder (info): a new secret is not a stale one.
/// </summary>
public sealed class SecretNotRotated : ResourceRule<Secret>
{
    public override IEnumerable<Finding> Check(Secret secret, RuleContext context)
    {
        var asOf = secret.Provenance.ObservedAt ?? context.Now;
        if (!secret.Provenance.IsLive) yield break;
        var maxAge = context.Int("max_age_days");
        if (secret.LastRotated is null && secret.Created is { } young && (asOf - young).TotalDays <= maxAge)
        {
            yield return context.OnResource(secret, $"Secret {secret.DisplayName} was created {Days(asOf - young)} ago and has not been rotated yet; turn on rotation before it is {maxAge} days old.",
                "LastRotated", fingerprintKey: "never-rotated") with { Severity = Severity.Info };
        }
        else if (secret.LastRotated is null)
        {
            var created = secret.Created is { } c ? $" since it was created {Days(asOf - c)} ago (limit {maxAge} days)" : "";
            yield return context.OnResource(secret, $"Secret {secret.DisplayName} has never been rotated{created}; turn on rotation (aws secretsmanager rotate-secret with a rotation function or a managed rotation) and rotate it now.",
                "LastRotated", fingerprintKey: "never-rotated");
        }
        else if ((asOf - secret.LastRotated.Value).TotalDays > maxAge)
        {
            yield return context.OnResource(secret, $"Secret {secret.DisplayName} was last rotated {Days(asOf - secret.LastRotated.Value)} ago (limit {maxAge} days); check that its rotation function still succeeds and rotate it now.",
                "LastRotated", fingerprintKey: "stale-rotation");
        }
    }

    private static string Days(TimeSpan span) => (int)span.TotalDays is var days and not 1 ? days.ToString(CultureInfo.InvariantCulture) + " days" : "1 day";
}
