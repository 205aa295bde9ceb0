using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>RDS.3: storage, snapshots and backups must be encrypted at rest (only possible at creation).</summary>
public sealed class RdsStorageNotEncrypted : ResourceRule<DbInstance>
{
    // An Aurora member keeps this on its cluster, which is judged itself.
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context) => db.ClusterId is not null ? [] :
        CloudJudge.Judge(context, db, db.StorageEncrypted, nameof(DbInstance.StorageEncrypted), "encrypts its storage",
            encrypted => !encrypted,
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} does not encrypt its storage; enable storage encryption (at creation, or by restoring an encrypted snapshot copy).", nameof(DbInstance.StorageEncrypted)));
}
