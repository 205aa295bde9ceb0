using System.Globalization;
using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>
/// An engine major version past the end of RDS standard support, by the dated list in the rule's parameters, judged
/// against the scan's clock. Aurora members are judged through their cluster, which carries the same version.
/// </summary>
public sealed class RdsEngineVersionPastStandardSupport : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context)
    {
        if (db.ClusterId is not null || db.Engine is not { } engine) yield break;
        if (!db.EngineVersion.IsKnown)
        {
            yield return context.Undecided(db, nameof(DbInstance.EngineVersion), db.EngineVersion.Expression, "runs an engine version in standard support");
            yield break;
        }
        // No version: AWS picks its current default, which is in standard support.
        if (db.EngineVersion.Known is not { } version) yield break;
        var ended = Calendar(context).FirstOrDefault(e => string.Equals(e.Engine, engine, StringComparison.OrdinalIgnoreCase)
            && (version == e.Major || version.StartsWith(e.Major + ".", StringComparison.Ordinal)) && e.End <= context.Now);
        if (ended is null) yield break;
        yield return context.OnResource(db,
            $"{db.Kind()} {db.DisplayName} runs {engine} {version}, whose standard support ended on {ended.End:yyyy-MM-dd} ({ended.Source}); upgrade to a supported major version, since RDS Extended Support bills every hour past that date and AWS upgrades the engine itself when it ends.",
            nameof(DbInstance.EngineVersion), fingerprintKey: $"{engine} {ended.Major}");
    }

    private sealed record Ending(string Engine, string Major, DateTimeOffset End, string Source);

    /// <summary>
    /// Each entry of end_of_standard_support is "engine major yyyy-mm-dd source-url"; a malformed entry (a ruleset's
    /// own) stops the rule with a message naming it, which the engine reports as an error.
    /// </summary>
    private static IEnumerable<Ending> Calendar(RuleContext context) => context.StringList("end_of_standard_support").Select(entry =>
    {
        var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4 || !DateTimeOffset.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
            throw new FormatException($"RDY2007 end_of_standard_support entry '{entry}' is not 'engine major yyyy-mm-dd source-url'.");
        return new Ending(parts[0], parts[1], end, parts[3]);
    });
}
