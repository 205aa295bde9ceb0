using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>A production RDS instance or Aurora cluster whose stack has no alarm on its CPU.</summary>
public sealed class DatabaseWithoutCpuAlarm : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context)
    {
        // An Aurora member instance is watched through its cluster, which is judged itself.
        if (!db.IsCluster && db.Engine?.StartsWith("aurora", StringComparison.OrdinalIgnoreCase) == true) return [];
        if (context.Bool("production_only") && !CloudJudge.IsProduction(db)) return [];
        var dimension = db.IsCluster ? "DBClusterIdentifier" : "DBInstanceIdentifier";
        return AlarmWatch.Require(context, db, "AWS/RDS", ["CPUUtilization"], dimension, v => v == db.Provenance.Address || v == db.Id,
            "has an alarm on its CPU",
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} is a production database with no CloudWatch alarm that notifies anyone of high CPUUtilization in {Stacks.Describe(db)}; add one (for example above 80% for 5 minutes) with an SNS action.", fingerprintKey: "no-cpu-alarm"));
    }
}
