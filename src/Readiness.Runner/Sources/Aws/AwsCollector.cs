using Amazon.Runtime;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;
using Readiness.Runner.Results;
using Readiness.Runner.Sources.Aws.Services;
using Readiness.Runner.Sources.Aws.Services.Organizations;

namespace Readiness.Runner.Sources.Aws;

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
/// Reads live AWS accounts into the shared cloud model; service-agnostic plumbing: credentials, roles, the organization's
/// accounts, regions, and one <see cref="LiveScope"/> per account (global services) and per region in which every
/// service's <see cref="ILiveReader"/> (listed in <see cref="AwsServices"/>) reads and joins. Whatever could not be read
/// becomes a coverage gap for its service and region, and that service is left out of
/// <see cref="AccountSettings.ServicesRead"/> so no rule takes silence for a pass.
/// </summary>
public sealed class AwsCollector(AwsCollectOptions options, HttpClient http)
{
    private static readonly IReadOnlyList<ILiveReader> Readers = Check(AwsServices.All.Select(s => s.Live).OfType<ILiveReader>().ToList());

    private static IReadOnlyList<ILiveReader> Check(IReadOnlyList<ILiveReader> readers)
    {
        LiveScope.CheckJoins(readers);
        return readers;
    }

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
            if (await CollectAccountAsync(options.Profile ?? "default credentials", startSession, collection, ct).ConfigureAwait(false) is { } own)
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
        var account = await CollectAccountAsync(target.RoleArn, session, collection, ct).ConfigureAwait(false);
        if (account is null && target.Account is { } unidentified)
            collection.Note(new AccountSummary { Id = unidentified, Name = target.Name, Role = target.RoleArn, Status = AccountStatus.Failed });
        else if (account is not null)
            collection.Note(new AccountSummary { Id = account, Name = target.Name, Role = target.RoleArn, Status = AccountStatus.Scanned });
    }

    /// <summary>
    /// Collects one account: its global scope and each region, every service's reader in each (see <see cref="LiveScope"/>).
    /// Returns the account id, or null when the identity could not even be named (a gap says why).
    /// </summary>
    private async Task<string?> CollectAccountAsync(string label, AwsSession session, AwsCollection collection, CancellationToken ct)
    {
        string account;
        try
        {
            account = (await new StsClient(session).GetCallerIdentityAsync(ct).ConfigureAwait(false)).Account;
        }
        catch (AwsCallException e)
        {
            collection.Coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{label}/sts", $"GetCallerIdentity failed ({e.Code}): {e.Detail}"));
            return null;
        }

        var regions = await RegionsAsync(session, account, options.Regions, collection.Coverage, ct).ConfigureAwait(false);
        lock (collection)
        {
            collection.Accounts.Add(account);
            foreach (var r in regions.Where(r => !collection.Regions.Contains(r))) collection.Regions.Add(r);
        }
        await Task.WhenAll([ScopeAsync(null), .. regions.Select(ScopeAsync)]).ConfigureAwait(false);
        return account;

        async Task ScopeAsync(string? region)
        {
            var scope = new LiveScope(session, account, region, collection.Coverage);
            await scope.RunAsync(Readers.Where(r => r.IsGlobal == scope.IsGlobal).ToList(), ct).ConfigureAwait(false);
            var read = scope.Result(DateTimeOffset.UtcNow);
            lock (collection) collection.Resources.AddRange(read);
        }
    }

    /// <summary>The regions to read: those requested that the account has enabled (a gap for each other), or every enabled one.</summary>
    private static async Task<IReadOnlyList<string>> RegionsAsync(AwsSession session, string account, IReadOnlyList<string>? requested, Coverage coverage, CancellationToken ct)
    {
        var scope = new LiveScope(session, account, null, coverage);
        IReadOnlyList<string>? enabled = null;
        await scope.ReadAsync("ec2", async () => enabled = await new Ec2Client(session).DescribeRegionsAsync(ct).ConfigureAwait(false)).ConfigureAwait(false);
        if (requested is null) return enabled ?? [];
        if (enabled is null) return requested;
        foreach (var unknown in requested.Where(r => !enabled.Contains(r)))
        {
            coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{account}/{unknown}",
                "The region is unknown or not enabled for this account, so nothing in it was read."));
        }
        return requested.Where(enabled.Contains).ToList();
    }
}
