using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Network;

/// <summary>EC2.19: database and cache ports (PostgreSQL, MySQL, Redis, ...) open to the whole internet.</summary>
public sealed class SecurityGroupDatabasePortOpen : ResourceRule<SecurityGroup>
{
    public override IEnumerable<Finding> Check(SecurityGroup group, RuleContext context)
    {
        var ports = context.StringList("ports").Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return IngressExposure.Check(group, context, ports, "lets the internet reach a database or cache port",
            (_, matched) => $"Security group {IngressExposure.Describe(group)} allows database/cache port {string.Join(", ", matched)} from the whole internet; allow it only from the application's security group.");
    }
}
