using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>RDS.7 / RDS.8: deletion protection keeps a stray destroy or console click from dropping the database.</summary>
public sealed class RdsDeletionProtectionDisabled : ResourceRule<DbInstance>
{
    // An Aurora member keeps this on its cluster, which is judged itself.
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context) => db.ClusterId is not null ? [] :
        CloudJudge.Judge(context, db, db.DeletionProtection, nameof(DbInstance.DeletionProtection), "has deletion protection on",
            protection => !protection,
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} has deletion protection off; turn it on so the database cannot be deleted by a destroy or a mistake.", nameof(DbInstance.DeletionProtection)));
}
