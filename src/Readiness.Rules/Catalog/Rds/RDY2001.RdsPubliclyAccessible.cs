using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>RDS.2: a database must not get a public IP address.</summary>
public sealed class RdsPubliclyAccessible : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context) =>
        CloudJudge.Judge(context, db, db.PubliclyAccessible, nameof(DbInstance.PubliclyAccessible), "is reachable from the internet",
            publiclyAccessible => publiclyAccessible,
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} is publicly accessible; turn public accessibility off and reach it only from inside the VPC.", nameof(DbInstance.PubliclyAccessible)));
}
