using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>RDS.5: a production DB instance should have a standby in a second Availability Zone.</summary>
public sealed class RdsProductionNotMultiAz : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context)
    {
        // Aurora clusters spread storage over three AZs and fail over to another member: neither is judged here.
        if (db.IsCluster || db.ClusterId is not null || (context.Bool("production_only") && !CloudJudge.IsProduction(db))) return [];
        return CloudJudge.Judge(context, db, db.MultiAz, nameof(DbInstance.MultiAz), "runs in several Availability Zones",
            multiAz => !multiAz,
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} is a production database in a single Availability Zone; enable Multi-AZ so a zone failure does not take it down.", nameof(DbInstance.MultiAz)));
    }
}
