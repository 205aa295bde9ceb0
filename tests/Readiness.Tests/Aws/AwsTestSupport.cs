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
        // moto answers in milliseconds when idle, but on a loaded CI machine its first call into an account (loading the
        // AWS managed policies) kept every call waiting past 20 s: a slow emulator is not the fault under test.
        AttemptTimeout = TimeSpan.FromMinutes(2),
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
