using System.Collections.Concurrent;
using Amazon.Runtime;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;
using Readiness.Runner.Results;
using Readiness.Runner.Sources.Aws.Services;
using Readiness.Runner.Sources.Aws.Services.Organizations;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// The session of one account and the clients of the services the collector joins itself (IAM with the root user's
/// facts, EC2 route tables for RDS, WAF associations); tests and other implementations can supply their own clients.
/// Services without such joins collect through their <see cref="ILiveCollector"/> (listed in <see cref="AwsServices"/>).
/// </summary>
public sealed record AwsClients(
    AwsSession Session, IStsClient Sts, IEc2Client Ec2, IRdsClient Rds, IIamClient Iam, IElbv2Client Elbv2, ICloudFrontClient CloudFront,
    IWafv2Client Wafv2)
{
    public static AwsClients For(AwsSession session) => new(
        session, new StsClient(session), new Ec2Client(session), new RdsClient(session), new IamClient(session), new Elbv2Client(session),
        new CloudFrontClient(session), new Wafv2Client(session));
}

/// <summary>What one live collection produced: the resources, what could not be read, and the calls it took.</summary>
public sealed class AwsCollection
{
    public List<CloudResource> Resources { get; } = [];
    public Coverage Coverage { get; } = new();
    public List<string> Accounts { get; } = [];
    public List<string> Regions { get; } = [];

    /// <summary>Each account this collection was asked for (by role or by the organization) and how it went.</summary>
    public List<AccountSummary> Targets { get; } = [];

    public void Note(AccountSummary account) { lock (Targets) Targets.Add(account); }
}

/// <summary>
/// Reads live AWS accounts into the shared cloud model. Global services (IAM, CloudFront, WAF for CloudFront) are read
/// once per account, the others once per region. Whatever could not be read becomes a coverage gap for its service and
/// region, and that service is left out of <see cref="AccountSettings.ServicesRead"/> so no rule takes silence for a pass.
/// </summary>
public sealed class AwsCollector(AwsCollectOptions options, HttpClient http)
{
    private static readonly IReadOnlySet<string> ManagedHeaderPolicies = new HashSet<string>(StringComparer.Ordinal)
    {
        "67f7725c-6f97-4210-82d7-5512b31e9d03", // SecurityHeadersPolicy
        "60669652-455b-4ae9-85a4-c4c02393f86c", // SimpleCORS
        "5cc3b908-e619-4b99-88e5-2cf7f45965bd", // CORS-With-Preflight
        "e61eb60c-9c35-4d20-a928-2b84e02af89c", // CORS-and-SecurityHeadersPolicy
        "eaab4381-ed33-4a86-88ca-d9558dc6cd63", // CORS-with-preflight-and-SecurityHeadersPolicy
    };

    private static readonly IReadOnlyList<ILiveCollector> LiveCollectors = AwsServices.All.Select(s => s.Live).OfType<ILiveCollector>().ToList();

    public AwsTransport Transport { get; } = new(http, options.Transport);

    public async Task<AwsCollection> CollectAsync(CancellationToken ct)
    {
        var collection = new AwsCollection();
        var endpoints = new AwsEndpoints(options.EndpointUrl);
        ImmutableCredentials start;
        try
        {
            start = options.Credentials ?? await AwsCredentials.ResolveAsync(options.Profile, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonClientException or InvalidOperationException or AmazonServiceException)
        {
            collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, "aws/credentials", $"No AWS credentials could be resolved: {e.Message}"));
            return collection;
        }

        var startSession = new AwsSession(Transport, endpoints, start);
        var targets = options.RoleArns.Select(r => new AccountTarget(r, OrganizationAccounts.AccountOf(r), null)).ToList();
        if (options.Organization is { } scope)
        {
            try
            {
                var members = await OrganizationAccounts.ListAsync(new OrganizationsClient(startSession), scope, ct).ConfigureAwait(false);
                targets.AddRange(members.Select(m => new AccountTarget(m.RoleArn, m.Id, m.Name)));
                if (members.Count == 0)
                    collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, "aws/organizations",
                        "The organization lists no active account matching --include, --exclude and --ou, so no account was scanned."));
            }
            catch (AwsCallException e)
            {
                collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, "aws/organizations",
                    $"{e.Operation} failed ({e.Code}): {e.Detail}; run from the management account or a delegated administrator with organizations:ListAccounts."));
            }
        }

        // Accounts are read a few at a time: each account already reads its regions and services in parallel.
        using var slots = new SemaphoreSlim(Math.Max(1, options.MaxAccountsInParallel));
        async Task One(AccountTarget target)
        {
            await slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await CollectTargetAsync(target, startSession, endpoints, collection, ct).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
        if (targets.Count == 0 && options.Organization is null)
        {
            if (await CollectAccountAsync(options.Profile ?? "default credentials", AwsClients.For(startSession), collection, ct).ConfigureAwait(false) is { } own)
                collection.Note(new AccountSummary { Id = own, Status = AccountStatus.Scanned });
        }
        else
            await Task.WhenAll(targets.DistinctBy(t => t.RoleArn).Select(One)).ConfigureAwait(false);
        LiveOrigins.Stamp(collection.Resources);
        collection.Coverage.Count("aws.api-calls", Transport.TotalCalls);
        return collection;
    }

    /// <summary>A role to assume, with the account it belongs to and that account's name when the organization told it.</summary>
    private sealed record AccountTarget(string RoleArn, string? Account, string? Name);

    private async Task CollectTargetAsync(AccountTarget target, AwsSession startSession, AwsEndpoints endpoints, AwsCollection collection, CancellationToken ct)
    {
        AwsSession session;
        try
        {
            session = new AwsSession(Transport, endpoints, await new StsClient(startSession).AssumeRoleAsync(target.RoleArn, "readiness-scan", ct).ConfigureAwait(false));
        }
        catch (AwsCallException e)
        {
            collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{target.RoleArn}/sts", $"Could not assume the role: {e.Code}: {e.Detail}"));
            if (target.Account is { } id) collection.Note(new AccountSummary { Id = id, Name = target.Name, Role = target.RoleArn, Status = AccountStatus.RoleNotAssumed });
            return;
        }
        var account = await CollectAccountAsync(target.RoleArn, AwsClients.For(session), collection, ct).ConfigureAwait(false);
        if (account is null && target.Account is { } unidentified)
            collection.Note(new AccountSummary { Id = unidentified, Name = target.Name, Role = target.RoleArn, Status = AccountStatus.Failed });
        else if (account is not null)
            collection.Note(new AccountSummary { Id = account, Name = target.Name, Role = target.RoleArn, Status = AccountStatus.Scanned });
    }

    /// <summary>
    /// Collects one account through <paramref name="clients"/>; public so tests can drive it with their own clients.
    /// Returns the account id, or null when the identity could not even be named (a gap says why).
    /// </summary>
    public async Task<string?> CollectAccountAsync(string label, AwsClients clients, AwsCollection collection, CancellationToken ct)
    {
        string account;
        try
        {
            account = (await clients.Sts.GetCallerIdentityAsync(ct).ConfigureAwait(false)).Account;
        }
        catch (AwsCallException e)
        {
            collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{label}/sts", $"GetCallerIdentity failed ({e.Code}): {e.Detail}"));
            return null;
        }

        var run = new AccountRun(account, clients, collection);
        var regions = await run.RegionsAsync(options.Regions, ct).ConfigureAwait(false);
        lock (collection)
        {
            collection.Accounts.Add(account);
            foreach (var r in regions.Where(r => !collection.Regions.Contains(r))) collection.Regions.Add(r);
        }
        await Task.WhenAll([run.GlobalAsync(ct), .. regions.Select(r => run.RegionAsync(r, ct))]).ConfigureAwait(false);
        return account;
    }

    /// <summary>One account's collection: adds resources and gaps as each service answers.</summary>
    private sealed class AccountRun(string account, AwsClients c, AwsCollection collection)
    {
        private void Add(CloudResource r) { lock (collection) collection.Resources.Add(r); }

        private void Gap(string region, string service, AwsCallException e) =>
            collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{account}/{region}/{service}",
                $"{e.Operation} failed: {Describe(e)}"));

        private static string Describe(AwsCallException e) => e.Failure switch
        {
            AwsFailure.AccessDenied => $"access denied ({e.Code}); grant the read permission listed in docs/aws.md",
            AwsFailure.Throttled => $"still throttled after retries ({e.Code})",
            AwsFailure.Timeout => $"timed out after retries ({e.Detail})",
            AwsFailure.Unreachable => $"endpoint unreachable ({e.Detail})",
            _ => $"{e.Code}: {e.Detail}",
        };

        /// <summary>Runs one read; on failure records the gap and returns false.</summary>
        private async Task<bool> Read(string region, string service, Func<Task> read)
        {
            try
            {
                await read().ConfigureAwait(false);
                return true;
            }
            catch (AwsCallException e)
            {
                Gap(region, service, e);
                return false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An answer the client could not make sense of: lose this service-region only, never the whole collection.
                collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{account}/{region}/{service}",
                    $"the answer could not be read ({e.GetType().Name}: {e.Message})"));
                return false;
            }
        }

        public async Task<IReadOnlyList<string>> RegionsAsync(IReadOnlyList<string>? requested, CancellationToken ct)
        {
            IReadOnlyList<string>? enabled = null;
            await Read("global", "ec2", async () => enabled = await c.Ec2.DescribeRegionsAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
            if (requested is null) return enabled ?? [];
            if (enabled is null) return requested;
            foreach (var unknown in requested.Where(r => !enabled.Contains(r)))
            {
                collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{account}/{unknown}",
                    "The region is unknown or not enabled for this account, so nothing in it was read."));
            }
            return requested.Where(enabled.Contains).ToList();
        }

        public async Task GlobalAsync(CancellationToken ct)
        {
            var read = new HashSet<string>(StringComparer.Ordinal);
            bool? rootMfa = null, rootKeys = null;

            if (await Read("global", "iam", async () =>
            {
                var details = await c.Iam.GetAccountAuthorizationDetailsAsync(account, ct).ConfigureAwait(false);
                var report = await c.Iam.GetCredentialReportAsync(ct).ConfigureAwait(false);
                // The account summary answers for the root user (the credential report's <root_account> row agrees).
                var summary = await c.Iam.GetAccountSummaryAsync(ct).ConfigureAwait(false);
                if (summary.TryGetValue("AccountMFAEnabled", out var mfa)) rootMfa = mfa == 1;
                if (summary.TryGetValue("AccountAccessKeysPresent", out var rootKeyCount)) rootKeys = rootKeyCount > 0;
                var rows = report.ToDictionary(r => r.User, StringComparer.Ordinal);
                foreach (var user in details.Users)
                {
                    rows.TryGetValue(user.Id, out var row);
                    var keys = row is not null && (row.Key1Active || row.Key2Active || row.Key1Rotated is not null || row.Key2Rotated is not null)
                        ? await c.Iam.ListAccessKeysAsync(user.Id, ct).ConfigureAwait(false)
                        : [];
                    Add(user with { AccessKeys = AccessKeysOf(keys, row), HasConsolePassword = row?.PasswordEnabled, MfaEnabled = row?.MfaActive });
                }
                foreach (var r in details.Groups.Cast<CloudResource>().Concat(details.Roles).Concat(details.Policies)) Add(r);
                Add(await c.Iam.GetAccountPasswordPolicyAsync(account, ct).ConfigureAwait(false));
            }).ConfigureAwait(false)) read.Add("iam");

            foreach (var service in LiveCollectors.Where(l => l.IsGlobal))
            {
                if (await Read("global", service.Service, async () =>
                {
                    foreach (var r in await service.CollectAsync(c.Session, account, AwsSession.GlobalRegion, ct).ConfigureAwait(false)) Add(r);
                }).ConfigureAwait(false)) read.Add(service.Service);
            }

            var cloudFrontAcls = new List<WebAcl>();
            var cloudFrontWafRead = await Read("global", "wafv2", async () =>
                cloudFrontAcls.AddRange(await c.Wafv2.ListWebAclsAsync(account, AwsSession.GlobalRegion, "CLOUDFRONT", ct).ConfigureAwait(false))).ConfigureAwait(false);

            var distributions = new List<Distribution>();
            if (await Read("global", "cloudfront", async () =>
            {
                distributions.AddRange(await c.CloudFront.ListDistributionsAsync(account, ct).ConfigureAwait(false));
                // Only custom policies need reading: AWS managed ones are judged by their well-known ids.
                var custom = distributions.SelectMany(d => d.Behaviors).Select(b => b.ResponseHeadersPolicyId.Known)
                    .OfType<string>().Where(id => !ManagedHeaderPolicies.Contains(id)).ToHashSet(StringComparer.Ordinal);
                if (custom.Count > 0)
                {
                    foreach (var p in await c.CloudFront.ListResponseHeadersPoliciesAsync(account, ct).ConfigureAwait(false))
                    {
                        if (custom.Contains(p.Id)) Add(p);
                    }
                }
            }).ConfigureAwait(false)) read.Add("cloudfront");
            foreach (var d in distributions) Add(d);

            if (cloudFrontWafRead)
            {
                read.Add("wafv2");
                foreach (var acl in cloudFrontAcls)
                {
                    var protectedBy = distributions.Where(d => d.WebAclId.Known is { } id && (id == acl.Provenance.Arn || id == acl.Id))
                        .Select(d => d.Provenance.Arn!).ToList();
                    Add(acl with { AssociatedResources = protectedBy });
                }
            }

            Add(new AccountSettings
            {
                Id = $"{account}/global",
                RootMfaEnabled = rootMfa,
                RootAccessKeysPresent = rootKeys,
                ServicesRead = new SortedSet<string>(read, StringComparer.Ordinal),
                Provenance = new Provenance { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Arn = $"arn:aws:iam::{account}:root" },
            });
        }

        public async Task RegionAsync(string region, CancellationToken ct)
        {
            var read = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            void Mark(string service, bool ok) => read.AddOrUpdate(service, ok, (_, before) => before && ok);

            IReadOnlyList<RouteTableInfo>? routeTables = null;
            bool? ebsDefault = null;
            var ec2 = Task.Run(async () =>
            {
                Mark("ec2", await Read(region, "ec2", async () =>
                {
                    foreach (var g in await c.Ec2.DescribeSecurityGroupsAsync(account, region, ct).ConfigureAwait(false)) Add(g);
                }).ConfigureAwait(false));
                Mark("ec2", await Read(region, "ec2", async () =>
                {
                    foreach (var v in await c.Ec2.DescribeVpcsAsync(account, region, ct).ConfigureAwait(false)) Add(v);
                }).ConfigureAwait(false));
                Mark("ec2", await Read(region, "ec2", async () =>
                    routeTables = await c.Ec2.DescribeRouteTablesAsync(region, ct).ConfigureAwait(false)).ConfigureAwait(false));
                Mark("ec2", await Read(region, "ec2", async () =>
                    ebsDefault = await c.Ec2.GetEbsEncryptionByDefaultAsync(region, ct).ConfigureAwait(false)).ConfigureAwait(false));
            }, ct);

            var rdsInstances = new List<RdsInstanceInfo>();
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameterGroups = null;
            var rds = Task.Run(async () =>
            {
                Mark("rds", await Read(region, "rds", async () =>
                {
                    rdsInstances.AddRange(await c.Rds.DescribeDbInstancesAsync(account, region, ct).ConfigureAwait(false));
                    foreach (var cluster in await c.Rds.DescribeDbClustersAsync(account, region, ct).ConfigureAwait(false)) Add(cluster);
                }).ConfigureAwait(false));
                Mark("rds", await Read(region, "rds", async () =>
                    parameterGroups = await RdsTls.ReadAsync(c.Rds, region, rdsInstances.Select(i => i.Instance), ct).ConfigureAwait(false)).ConfigureAwait(false));
            }, ct);

            var web = Task.Run(async () =>
            {
                var balancers = new List<LoadBalancer>();
                Mark("elbv2", await Read(region, "elbv2", async () =>
                    balancers.AddRange(await c.Elbv2.DescribeLoadBalancersAsync(account, region, ct).ConfigureAwait(false))).ConfigureAwait(false));
                var acls = new List<WebAcl>();
                var aclOf = new Dictionary<string, string>(StringComparer.Ordinal);
                var wafOk = await Read(region, "wafv2", async () =>
                {
                    acls.AddRange(await c.Wafv2.ListWebAclsAsync(account, region, "REGIONAL", ct).ConfigureAwait(false));
                    await AssociationsAsync(region, acls, balancers, aclOf, ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
                Mark("wafv2", wafOk);
                foreach (var acl in acls)
                    Add(acl with { AssociatedResources = aclOf.Where(p => p.Value == acl.Provenance.Arn).Select(p => p.Key).Order(StringComparer.Ordinal).ToList() });
                foreach (var lb in balancers)
                {
                    Value<string?> association = wafOk ? aclOf.GetValueOrDefault(lb.Provenance.Arn!) : Value<string?>.Unresolved("wafv2 could not be read");
                    Add(lb with { WebAclArn = association });
                }
            }, ct);

            var services = LiveCollectors.Where(l => !l.IsGlobal).Select(service => Task.Run(async () => Mark(service.Service, await Read(region, service.Service, async () =>
            {
                foreach (var r in await service.CollectAsync(c.Session, account, region, ct).ConfigureAwait(false)) Add(r);
            }).ConfigureAwait(false)), ct));

            await Task.WhenAll([ec2, rds, web, .. services]).ConfigureAwait(false);

            foreach (var info in rdsInstances)
                Add(info.Instance with { InPublicSubnet = PublicSubnet(info, routeTables), TlsRequired = RdsTls.Judge(info.Instance, parameterGroups) });

            Add(new AccountSettings
            {
                Id = $"{account}/{region}",
                EbsEncryptionByDefault = ebsDefault is { } e ? e : null,
                ServicesRead = new SortedSet<string>(read.Where(p => p.Value).Select(p => p.Key), StringComparer.Ordinal),
                Provenance = new Provenance { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Region = region },
            });
        }

        /// <summary>
        /// Which ACL protects each load balancer: ListResourcesForWebACL per ACL (one call per ACL), or, where the
        /// endpoint does not implement it, GetWebACLForResource per load balancer.
        /// </summary>
        private async Task AssociationsAsync(string region, List<WebAcl> acls, List<LoadBalancer> balancers, Dictionary<string, string> aclOf, CancellationToken ct)
        {
            try
            {
                foreach (var acl in acls)
                {
                    foreach (var arn in await c.Wafv2.ListResourcesForWebAclAsync(region, acl.Provenance.Arn!, "APPLICATION_LOAD_BALANCER", ct).ConfigureAwait(false))
                        aclOf[arn] = acl.Provenance.Arn!;
                }
            }
            catch (AwsCallException e) when (e.Failure == AwsFailure.Error && e.Code is "InvalidAction" or "UnknownOperationException" or "NotImplemented" or "HTTP 404")
            {
                aclOf.Clear();
                foreach (var lb in balancers.Where(b => b.LoadBalancerType == "application"))
                {
                    if (await c.Wafv2.GetWebAclForResourceAsync(region, lb.Provenance.Arn!, ct).ConfigureAwait(false) is { } acl) aclOf[lb.Provenance.Arn!] = acl;
                }
            }
        }

        /// <summary>True when any of the instance's subnets routes to an internet gateway (its own table, or the VPC's main one).</summary>
        private static Value<bool>? PublicSubnet(RdsInstanceInfo info, IReadOnlyList<RouteTableInfo>? tables)
        {
            if (tables is null || info.SubnetIds.Count == 0) return null;
            var main = tables.FirstOrDefault(t => t.IsMain && t.VpcId == info.VpcId);
            return info.SubnetIds.Any(subnet => (tables.FirstOrDefault(t => t.SubnetIds.Contains(subnet)) ?? main)?.RoutesToInternetGateway == true);
        }
    }

    // The credential report's key 1 and key 2 are the user's keys in creation order.
    private static IReadOnlyList<AccessKey> AccessKeysOf(IReadOnlyList<AccessKeyInfo> keys, CredentialReportRow? row) =>
        keys.OrderBy(k => k.Created ?? DateTimeOffset.MaxValue).Select((k, i) => new AccessKey
        {
            Id = k.Id,
            Active = k.Active,
            Created = k.Created,
            LastUsed = row is null ? null : i == 0 ? row.Key1LastUsed : i == 1 ? row.Key2LastUsed : null,
        }).ToList();
}
