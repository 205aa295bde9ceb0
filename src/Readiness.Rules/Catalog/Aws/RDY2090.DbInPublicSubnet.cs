using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>A live database whose subnets route to an internet gateway.</summary>
public sealed class DbInPublicSubnet : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context)
    {
        if (db.InPublicSubnet is { IsKnown: true, Known: true })
            yield return context.OnResource(db, $"Database {db.DisplayName} is in a subnet whose route table reaches an internet gateway; move it to a DB subnet group of private subnets (routes through a NAT gateway or none).", "InPublicSubnet");
    }
}
