using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>
/// The operational controls are about what a stack lacks (an alarm, a budget, threat detection), so they judge one
/// stack at a time: a Terraform root module with its child modules, a CloudFormation template or plan file, or a live
/// account and region. A child module of a library is never judged alone: it is judged through the root that uses it.
/// </summary>
internal static class Stacks
{
    /// <summary>The stack a resource belongs to.</summary>
    public static string Of(CloudResource r) =>
        r.Provenance.IsLive ? $"aws {r.Provenance.Account} {r.Provenance.Region}" : $"{r.Provenance.Origin} {r.Provenance.Root ?? r.Provenance.File}";

    /// <summary>For account-wide resources (budgets): the IaC stack as <see cref="Of"/>, a live account as a whole.</summary>
    public static string AccountOf(CloudResource r) => r.Provenance.IsLive ? $"aws {r.Provenance.Account}" : Of(r);

    /// <summary>How a message names the stack: "Terraform root infra/prod", "template stack.yaml", "account 1234 in eu-west-1".</summary>
    public static string Describe(CloudResource r) => r.Provenance switch
    {
        { IsLive: true, Region: { } region } p => $"account {p.Account} in {region}",
        { IsLive: true } p => $"account {p.Account}",
        { Origin: Origin.Terraform, Root: { } root } => $"Terraform root '{root}'",
        { Origin: Origin.CloudFormation } p => $"template {p.File}",
        var p => $"plan {p.File}",
    };

    /// <summary>
    /// What a stack runs that needs watching and costs money: load balancers, databases, caches, distributions.
    /// One list, so the budget and GuardDuty rules agree on what a workload is.
    /// </summary>
    public static bool IsWorkload(CloudResource r) => r is LoadBalancer or DbInstance or CacheReplicationGroup or Distribution;

    /// <summary>
    /// Live: whether <paramref name="service"/> was read completely in the account and region (null: the account's
    /// global reads). A service that could not be read is a coverage gap; no rule may take its silence for an absence.
    /// </summary>
    public static bool WasRead(CloudInventory cloud, string? account, string? region, string service) =>
        cloud.OfType<AccountSettings>().Any(a => a.Provenance.IsLive && a.Provenance.Account == account && a.Provenance.Region == region
            && a.ServicesRead.Contains(service));

    /// <summary>For an IaC resource always true (the configuration is all there is); for a live one, <see cref="WasRead"/> in its region.</summary>
    public static bool CanJudgeAbsence(CloudInventory cloud, CloudResource r, string service) =>
        !r.Provenance.IsLive || WasRead(cloud, r.Provenance.Account, r.Provenance.Region, service);
}
