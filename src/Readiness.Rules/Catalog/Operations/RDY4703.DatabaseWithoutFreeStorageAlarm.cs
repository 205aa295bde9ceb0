using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>A production RDS instance whose stack has no alarm on its free storage (Aurora storage grows by itself).</summary>
public sealed class DatabaseWithoutFreeStorageAlarm : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context)
    {
        if (db.IsCluster || db.Engine?.StartsWith("aurora", StringComparison.OrdinalIgnoreCase) == true) return [];
        if (context.Bool("production_only") && !CloudJudge.IsProduction(db)) return [];
        return AlarmWatch.Require(context, db, "AWS/RDS", ["FreeStorageSpace"], "DBInstanceIdentifier", v => v == db.Provenance.Address || v == db.Id,
            "has an alarm on its free storage",
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} is a production database with no CloudWatch alarm that notifies anyone when its FreeStorageSpace runs low in {Stacks.Describe(db)}; add one (for example below 10 GB or 10% of the allocated storage) with an SNS action, or turn on storage autoscaling and still alarm on it.", fingerprintKey: "no-storage-alarm"));
    }
}
