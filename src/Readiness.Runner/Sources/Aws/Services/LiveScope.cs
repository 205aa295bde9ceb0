using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// What the services of one account's global scope, or of one of its regions, read together: the resources so far, the
/// account settings they fill, which services could be read, and the gaps. <see cref="AwsCollector"/> makes one per
/// account and region, runs every <see cref="ILiveReader"/> in it (<see cref="RunAsync"/>) and then takes the result.
/// Thread-safe: the readers of a scope run in parallel.
/// </summary>
public sealed class LiveScope
{
    private readonly object gate = new();
    private readonly List<CloudResource> resources = [];
    private readonly Dictionary<string, bool> read = new(StringComparer.Ordinal);
    private readonly List<Func<AccountSettings, AccountSettings>> settings = [];
    private readonly Coverage coverage;

    /// <param name="region">The region read, or null for the account's global services (called in us-east-1).</param>
    public LiveScope(AwsSession session, string account, string? region, Coverage coverage)
    {
        Session = session;
        Account = account;
        IsGlobal = region is null;
        Region = region ?? AwsSession.GlobalRegion;
        this.coverage = coverage;
    }

    public AwsSession Session { get; }
    public string Account { get; }

    /// <summary>The region the calls go to: the scope's region, or us-east-1 for global services.</summary>
    public string Region { get; }

    public bool IsGlobal { get; }

    /// <summary>"global" or the region name, as gaps name the scope.</summary>
    public string Label => IsGlobal ? "global" : Region;

    public void Add(CloudResource resource)
    {
        lock (gate) resources.Add(resource);
    }

    /// <summary>The resources of type T read in this scope so far (complete for the services named in <see cref="ILiveReader.After"/>).</summary>
    public IReadOnlyList<T> Collected<T>() where T : CloudResource
    {
        lock (gate) return resources.OfType<T>().ToList();
    }

    /// <summary>Replaces each collected T by <paramref name="change"/>'s answer: a join filling another service's attribute.</summary>
    public void Update<T>(Func<T, T> change) where T : CloudResource
    {
        lock (gate)
        {
            for (var i = 0; i < resources.Count; i++)
            {
                if (resources[i] is T resource) resources[i] = change(resource);
            }
        }
    }

    /// <summary>Fills account-wide facts of this scope's <see cref="AccountSettings"/> (root MFA, EBS encryption by default).</summary>
    public void Settings(Func<AccountSettings, AccountSettings> fill)
    {
        lock (gate) settings.Add(fill);
    }

    /// <summary>
    /// Runs one read of <paramref name="service"/>. On failure it records the gap, leaves the service out of
    /// ServicesRead and returns false, so a reader's other reads still count.
    /// </summary>
    public async Task<bool> ReadAsync(string service, Func<Task> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        bool ok;
        try
        {
            await read().ConfigureAwait(false);
            ok = true;
        }
        catch (AwsCallException e)
        {
            Gap(service, $"{e.Operation} failed: {Describe(e)}");
            ok = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An answer the client could not make sense of: lose this service in this scope only, never the whole collection.
            Gap(service, $"the answer could not be read ({e.GetType().Name}: {e.Message})");
            ok = false;
        }
        lock (gate) this.read[service] = ok && this.read.GetValueOrDefault(service, true);
        return ok;
    }

    private void Gap(string service, string detail) =>
        coverage.AddGap(new CoverageGap(EvidenceSource.Aws, $"aws/{Account}/{Label}/{service}", detail));

    private static string Describe(AwsCallException e) => e.Failure switch
    {
        AwsFailure.AccessDenied => $"access denied ({e.Code}); grant the read permission listed in docs/aws.md",
        AwsFailure.Throttled => $"still throttled after retries ({e.Code})",
        AwsFailure.Timeout => $"timed out after retries ({e.Detail})",
        AwsFailure.Unreachable => $"endpoint unreachable ({e.Detail})",
        _ => $"{e.Code}: {e.Detail}",
    };

    /// <summary>
    /// Runs <paramref name="readers"/> in parallel, each after the readers of the services it names in
    /// <see cref="ILiveReader.After"/>; returns once all have finished. <see cref="CheckJoins"/> rules out a cycle.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<ILiveReader> readers, CancellationToken ct)
    {
        var done = readers.ToDictionary(r => r, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await Task.WhenAll(readers.Select(reader => Task.Run(async () =>
        {
            try
            {
                await Task.WhenAll(readers.Where(other => other != reader && reader.After.Contains(other.Service)).Select(other => done[other].Task)).ConfigureAwait(false);
                await ReadAsync(reader.Service, () => reader.ReadAsync(this, ct)).ConfigureAwait(false);
            }
            finally
            {
                done[reader].SetResult();
            }
        }, ct))).ConfigureAwait(false);
    }

    /// <summary>Throws when a service's <see cref="ILiveReader.After"/> leads back to itself (its reads would wait forever).</summary>
    public static void CheckJoins(IEnumerable<ILiveReader> readers)
    {
        var after = readers.GroupBy(r => (r.Service, r.IsGlobal))
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.After).ToHashSet(StringComparer.Ordinal));
        foreach (var ((service, global), _) in after)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var next = new Stack<string>(after[(service, global)]);
            while (next.TryPop(out var s))
            {
                if (s == service) throw new InvalidOperationException($"The live read of {service} waits for itself through After; break the cycle.");
                if (seen.Add(s) && after.TryGetValue((s, global), out var further)) foreach (var f in further) next.Push(f);
            }
        }
    }

    /// <summary>The resources read, with this scope's <see cref="AccountSettings"/> (its facts and the services that could be read).</summary>
    public IReadOnlyList<CloudResource> Result(DateTimeOffset observedAt)
    {
        lock (gate)
        {
            var account = new AccountSettings
            {
                Id = $"{Account}/{Label}",
                ServicesRead = new SortedSet<string>(read.Where(p => p.Value).Select(p => p.Key), StringComparer.Ordinal),
                Provenance = new Provenance
                {
                    Origin = Origin.AwsLive, ObservedAt = observedAt, Account = Account,
                    Region = IsGlobal ? null : Region, Arn = IsGlobal ? $"arn:aws:iam::{Account}:root" : null,
                },
            };
            return [.. resources, settings.Aggregate(account, (s, fill) => fill(s))];
        }
    }
}
