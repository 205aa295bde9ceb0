using Amazon.Runtime;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;

namespace Readiness.Tests.Aws;

internal static class AwsTestSupport
{
    public static readonly ImmutableCredentials Testing = new("testing", "testing", null);

    public static AwsTransportOptions FastRetries => new()
    {
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(20),
    };

    public static AwsCollectOptions Options(Uri endpoint, params string[] regions) => new()
    {
        EndpointUrl = endpoint,
        Regions = regions.Length == 0 ? ["us-east-1"] : regions,
        Credentials = Testing,
        Transport = FastRetries,
    };

    /// <summary>Every catalog rule with its defaults over the resources.</summary>
    public static IReadOnlyList<Finding> Judge(IEnumerable<CloudResource> resources, DateTimeOffset? now = null)
    {
        var engine = new RuleEngine(RuleCatalog.Default.Rules.Select(ActiveRule.WithDefaults), now);
        engine.CheckModel(new Evidence { Cloud = new CloudInventory(resources) });
        var (findings, errors) = engine.Complete();
        errors.ShouldBeEmpty();
        return findings;
    }

    public static IEnumerable<Finding> For(this IEnumerable<Finding> findings, string arn) =>
        findings.Where(f => f.Location.Resource?.Arn == arn);
}
