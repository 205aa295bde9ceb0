using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Account;

/// <summary>
/// CloudTrail.1: at least one logging multi-region trail. A declared trail is judged on its own settings; an account
/// with no such trail at all is judged only when its trails were read live (IaC cannot see trails made elsewhere).
/// </summary>
public sealed class CloudTrailNotMultiRegion : EvidenceRule
{
    public override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        var trails = evidence.Cloud.OfType<Trail>().ToList();
        foreach (var trail in trails)
        {
            if (!trail.IsMultiRegion.IsKnown)
                yield return context.Undecided(trail, nameof(Trail.IsMultiRegion), trail.IsMultiRegion.Expression, "records every region");
            else if (!trail.IsMultiRegion.Known)
                yield return context.OnResource(trail, $"CloudTrail trail {trail.DisplayName} records only its home region; make it a multi-region trail so activity in every region is logged.", nameof(Trail.IsMultiRegion));
            if (!trail.IsLogging.IsKnown)
                yield return context.Undecided(trail, nameof(Trail.IsLogging), trail.IsLogging.Expression, "is logging");
            else if (!trail.IsLogging.Known)
                yield return context.OnResource(trail, $"CloudTrail trail {trail.DisplayName} has logging stopped; start logging so API activity is recorded.", nameof(Trail.IsLogging));
        }
        // The trail requirement is account-wide: one finding per account, naming the regions whose trails were read.
        var readRegions = evidence.Cloud.OfType<AccountSettings>().Where(a => a.Provenance.IsLive && a.ServicesRead.Contains("cloudtrail"))
            .GroupBy(a => a.Provenance.Account ?? a.Id, StringComparer.Ordinal);
        foreach (var account in readRegions)
        {
            var covered = trails.Any(t => t.Provenance.IsLive && t.Provenance.Account == account.Key
                && t.IsMultiRegion is { IsKnown: true, Known: true } && t.IsLogging is { IsKnown: true, Known: true });
            if (covered) continue;
            var settings = account.OrderBy(a => a.Provenance.Region, StringComparer.Ordinal).ToList();
            var regions = string.Join(", ", settings.Select(a => a.Provenance.Region).OfType<string>());
            var where = regions.Length == 0 ? "" : $" (trails read in {regions})";
            yield return context.OnResource(settings[0], $"Account {account.Key} has no logging multi-region CloudTrail trail{where}; create one so API activity in every region is recorded.", fingerprintKey: "no-trail");
        }
    }
}
