using System.Collections.Concurrent;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources;

/// <summary>
/// An evidence source turns part of the world into the normalized model: IaC parsers, AWS collectors, HTTP probes.
/// File-based sources see every file the walker reads through <see cref="Observe"/> (called concurrently), so the tree
/// is read once; everything is collected into the model in <see cref="CollectAsync"/>, after the walk.
/// A source that could not look records a coverage gap; it never silently returns nothing.
/// </summary>
public interface IEvidenceSource
{
    string Name { get; }

    /// <summary>Called for every text file the walker reads. Keep only what this source needs.</summary>
    void Observe(SourceFile file)
    {
    }

    Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken);
}

/// <summary>Thread-safe sink for what sources collect.</summary>
public sealed class EvidenceCollector
{
    private readonly ConcurrentQueue<CloudResource> resources = new();
    private readonly ConcurrentQueue<HttpTarget> httpTargets = new();

    public Coverage Coverage { get; } = new();

    /// <summary>Dockerfiles and compose configurations (set by the container source).</summary>
    public ContainerEvidence Containers { get; set; } = ContainerEvidence.Empty;

    private readonly ConcurrentDictionary<string, byte> liveServices = new(StringComparer.Ordinal);

    public void Add(CloudResource resource)
    {
        resources.Enqueue(resource);
        if (resource.Provenance.Origin == Origin.AwsLive) liveServices.TryAdd(resource.Service, 0);
    }

    public void Add(HttpTarget target) => httpTargets.Enqueue(target);

    /// <summary>What has been collected so far, for progress while the sources run.</summary>
    public CollectionCounts Counts
    {
        get
        {
            var counted = Coverage.Counts; // the same counters the coverage report shows at the end
            return new((int)counted.GetValueOrDefault("iac.resources"), (int)counted.GetValueOrDefault("aws.resources"), liveServices.Count, httpTargets.Count);
        }
    }

    public IReadOnlyList<CloudResource> Resources => resources.ToList();
    public IReadOnlyList<HttpTarget> HttpTargets => httpTargets.ToList();

    private readonly ConcurrentQueue<Results.AccountSummary> accounts = new();

    /// <summary>The live AWS accounts the scan was asked to read and how each went (set by the AWS source).</summary>
    public void Add(Results.AccountSummary account) => accounts.Enqueue(account);

    public IReadOnlyList<Results.AccountSummary> Accounts => accounts.ToList();
}

/// <summary>IaC resources, live AWS resources and the services they came from, and HTTP targets probed so far.</summary>
public sealed record CollectionCounts(int IacResources, int AwsResources, int AwsServices, int HttpTargets);
