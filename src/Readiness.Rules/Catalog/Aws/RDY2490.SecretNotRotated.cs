using System.Globalization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>A live secret that has never been rotated, or not within max_age_days (Secrets Manager's LastRotatedDate).</summary>
public sealed class SecretNotRotated : ResourceRule<Secret>
{
    public override IEnumerable<Finding> Check(Secret secret, RuleContext context)
    {
        var asOf = secret.Provenance.ObservedAt ?? context.Now;
        if (!secret.Provenance.IsLive) yield break;
        var maxAge = context.Int("max_age_days");
        if (secret.LastRotated is null)
        {
            var created = secret.Created is { } c ? $" since it was created {Days(asOf - c)} days ago" : "";
            yield return context.OnResource(secret, $"Secret {secret.DisplayName} has never been rotated{created}; turn on rotation (aws secretsmanager rotate-secret with a rotation function or a managed rotation) and rotate it now.",
                "LastRotated", fingerprintKey: "never-rotated");
        }
        else if ((asOf - secret.LastRotated.Value).TotalDays > maxAge)
        {
            yield return context.OnResource(secret, $"Secret {secret.DisplayName} was last rotated {Days(asOf - secret.LastRotated.Value)} days ago (limit {maxAge}); check that its rotation function still succeeds and rotate it now.",
                "LastRotated", fingerprintKey: "stale-rotation");
        }
    }

    private static string Days(TimeSpan span) => ((int)span.TotalDays).ToString(CultureInfo.InvariantCulture);
}
