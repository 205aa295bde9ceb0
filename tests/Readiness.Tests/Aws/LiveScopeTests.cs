using Amazon.Runtime;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Runner.Sources.Aws.Services;
using Shouldly;
using Xunit;

namespace Readiness.Tests.Aws;

/// <summary>
/// The join stage without a network: a service declares the services it reads after (<see cref="ILiveReader.After"/>)
/// and joins their resources; a failed read is a gap for its service only. The same stage runs every registered service.
/// </summary>
public sealed class LiveScopeTests
{
    private static LiveScope Scope(Coverage coverage, string? region = "eu-west-2")
    {
        using var http = new HttpClient();
        var session = new AwsSession(new AwsTransport(http), new AwsEndpoints(), new ImmutableCredentials("AKIDEXAMPLE", "secret", null));
        return new LiveScope(session, "111122223333", region, coverage);
    }

    private static LoadBalancer Balancer(string name) => new()
    {
        Id = name,
        Provenance = new Provenance { Origin = Origin.AwsLive, Arn = $"arn:aws:elasticloadbalancing:eu-west-2:111122223333:loadbalancer/app/{name}/1" },
    };

    /// <summary>Reads slowly, so a join that did not wait would see nothing.</summary>
    private sealed class SlowBalancers : ILiveReader
    {
        public string Service => "elbv2";
        public bool IsGlobal => false;

        public async Task ReadAsync(LiveScope scope, CancellationToken ct)
        {
            await Task.Delay(200, ct);
            scope.Add(Balancer("web"));
            scope.Add(Balancer("api"));
        }
    }

    /// <summary>Joins the balancers read before it: protects "web" only.</summary>
    private sealed class Firewall : ILiveReader
    {
        public string Service => "wafv2";
        public bool IsGlobal => false;
        public IReadOnlyList<string> After => ["elbv2"];
        public int BalancersSeen { get; private set; }

        public Task ReadAsync(LiveScope scope, CancellationToken ct)
        {
            BalancersSeen = scope.Collected<LoadBalancer>().Count;
            scope.Update<LoadBalancer>(lb => lb with { WebAclArn = lb.Id == "web" ? "arn:aws:wafv2:acl/main" : null });
            return Task.CompletedTask;
        }
    }

    private sealed class Denied(string service) : ILiveReader
    {
        public string Service => service;
        public bool IsGlobal => false;

        public Task ReadAsync(LiveScope scope, CancellationToken ct) =>
            throw new AwsCallException(AwsFailure.AccessDenied, service, scope.Region, "DescribeThings", "AccessDenied", "not allowed");
    }

    private sealed class Settings : ILiveReader
    {
        public string Service => "ec2";
        public bool IsGlobal => false;

        public async Task ReadAsync(LiveScope scope, CancellationToken ct)
        {
            await scope.ReadAsync("ec2", () => throw new AwsCallException(AwsFailure.Throttled, "ec2", scope.Region, "DescribeVpcs", "Throttling", "slow down"));
            scope.Settings(s => s with { EbsEncryptionByDefault = true });
        }
    }

    [Fact]
    public async Task A_join_runs_after_the_services_it_names_and_fills_their_resources()
    {
        var coverage = new Coverage();
        var scope = Scope(coverage);
        var firewall = new Firewall();
        await scope.RunAsync([firewall, new SlowBalancers()], CancellationToken.None);

        firewall.BalancersSeen.ShouldBe(2, "the WAF join waits for the ELBv2 read it declares in After");
        var read = scope.Result(DateTimeOffset.UnixEpoch);
        read.OfType<LoadBalancer>().Single(b => b.Id == "web").WebAclArn.Known.ShouldBe("arn:aws:wafv2:acl/main");
        read.OfType<LoadBalancer>().Single(b => b.Id == "api").WebAclArn.Known.ShouldBeNull();
        var settings = read.OfType<AccountSettings>().Single();
        settings.Id.ShouldBe("111122223333/eu-west-2");
        settings.ServicesRead.ToList().ShouldBe(["elbv2", "wafv2"]);
        coverage.Gaps.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_read_is_a_gap_of_its_service_and_the_others_still_count()
    {
        var coverage = new Coverage();
        var scope = Scope(coverage);
        await scope.RunAsync([new Denied("rds"), new SlowBalancers(), new Settings()], CancellationToken.None);

        var settings = scope.Result(DateTimeOffset.UnixEpoch).OfType<AccountSettings>().Single();
        settings.ServicesRead.ToList().ShouldBe(["elbv2"], "rds was denied and one of ec2's reads was throttled: neither may be taken for a pass");
        settings.EbsEncryptionByDefault!.Value.Known.ShouldBeTrue("the ec2 read that succeeded still fills its account setting");
        coverage.Gaps.Select(g => g.Scope).Order(StringComparer.Ordinal).ShouldBe(["aws/111122223333/eu-west-2/ec2", "aws/111122223333/eu-west-2/rds"]);
        coverage.Gaps.Single(g => g.Scope.EndsWith("/rds", StringComparison.Ordinal)).Reason
            .ShouldBe("DescribeThings failed: access denied (AccessDenied); grant the read permission listed in docs/aws.md");
    }

    private sealed class Waits(string service, string after) : ILiveReader
    {
        public string Service => service;
        public bool IsGlobal => false;
        public IReadOnlyList<string> After => [after];
        public Task ReadAsync(LiveScope scope, CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public void A_join_cycle_is_refused_before_anything_is_read()
    {
        Should.Throw<InvalidOperationException>(() => LiveScope.CheckJoins([new Waits("a", "b"), new Waits("b", "a")]))
            .Message.ShouldContain("waits for itself");
        LiveScope.CheckJoins(AwsServices.All.Select(s => s.Live).OfType<ILiveReader>());
    }

    [Fact]
    public void The_joins_are_registered_with_their_services()
    {
        // The collector is plumbing: it reads accounts and regions and runs the registered readers. A service's joins
        // (IAM root facts, RDS on EC2 route tables, WAF on load balancers and distributions) live in the service.
        var live = AwsServices.All.Where(s => s.Live is not null).Select(s => s.Live!.GetType().Name).ToList();
        live.ShouldContain(nameof(IamCollector));
        live.ShouldContain(nameof(Ec2Collector));
        live.ShouldContain(nameof(RdsCollector));
        live.ShouldContain(nameof(Wafv2Collector));
        live.ShouldContain(nameof(CloudFrontCollector));
        live.ShouldContain(nameof(Elbv2Collector));
    }
}
