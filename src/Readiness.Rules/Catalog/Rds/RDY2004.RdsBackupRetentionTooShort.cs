using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>RDS.11: automated backups kept for fewer than min_days days (0 turns them off).</summary>
public sealed class RdsBackupRetentionTooShort : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context)
    {
        // An Aurora member keeps backups on its cluster, which is judged itself.
        if (db.ClusterId is not null) return [];
        var minimum = context.Int("min_days");
        return CloudJudge.Judge(context, db, db.BackupRetentionPeriod, nameof(DbInstance.BackupRetentionPeriod), $"keeps backups for at least {minimum} days",
            days => days < minimum,
            () => context.OnResource(db, db.BackupRetentionPeriod.Known == 0
                ? $"{db.Kind()} {db.DisplayName} has automated backups turned off (retention 0 days); keep them for at least {minimum} days."
                : $"{db.Kind()} {db.DisplayName} keeps automated backups for {db.BackupRetentionPeriod.Known} day(s); keep them for at least {minimum} days.",
                nameof(DbInstance.BackupRetentionPeriod)));
    }
}
