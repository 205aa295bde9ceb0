using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>RDS.3: storage, snapshots and backups must be encrypted at rest (only possible at creation).</summary>
public sealed class RdsStorageNotEncrypted : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context) =>
        CloudJudge.Judge(context, db, db.StorageEncrypted, nameof(DbInstance.StorageEncrypted), "encrypts its storage",
            encrypted => !encrypted,
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} does not encrypt its storage; enable storage encryption (at creation, or by restoring an encrypted snapshot copy).", nameof(DbInstance.StorageEncrypted)));
}
