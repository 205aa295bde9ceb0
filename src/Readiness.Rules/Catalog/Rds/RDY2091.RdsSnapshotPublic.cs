using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>RDS.1: a manual snapshot whose restore attribute lists "all" can be copied and restored by any AWS account.</summary>
public sealed class RdsSnapshotPublic : ResourceRule<DbSnapshot>
{
    public override IEnumerable<Finding> Check(DbSnapshot snapshot, RuleContext context) =>
        CloudJudge.Judge(context, snapshot, snapshot.Public, nameof(DbSnapshot.Public), "is private",
            isPublic => isPublic,
            () => context.OnResource(snapshot,
                $"RDS {(snapshot.IsCluster ? "DB cluster snapshot" : "DB snapshot")} {snapshot.DisplayName}{(snapshot.SourceId is { } source ? $" (of {source})" : "")} is public: any AWS account can restore it and read the database; remove \"all\" from its restore attribute and share it only with named accounts.",
                nameof(DbSnapshot.Public)));
}
