using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// One service's part of a live read, run once per account (global services) or once per region with every other
/// service of that account or region. It adds resources to the <see cref="LiveScope"/>; a read that throws becomes a
/// coverage gap for <see cref="Service"/>, which is then left out of <see cref="AccountSettings.ServicesRead"/>.
/// Most services implement the simpler <see cref="ILiveCollector"/>; a service implements this one when its reads fail
/// apart (<see cref="LiveScope.ReadAsync"/>), when it fills the account settings, or when it joins another service's
/// resources (declared in <see cref="After"/>).
/// </summary>
public interface ILiveReader
{
    /// <summary>The service name used in gaps and ServicesRead ("secretsmanager").</summary>
    string Service { get; }

    /// <summary>True when the service is read once per account (its resources carry their own region).</summary>
    bool IsGlobal { get; }

    /// <summary>
    /// The join this service declares: services of the same scope whose reads finish before this one starts, so their
    /// resources are in <see cref="LiveScope.Collected{T}"/> (WAF reads after ELBv2 to name the balancers it protects).
    /// </summary>
    IReadOnlyList<string> After => [];

    Task ReadAsync(LiveScope scope, CancellationToken ct);
}

/// <summary>
/// A service whose reads stand alone: one list of resources from its own wire client. A failure loses the service in
/// that account or region only (a coverage gap), never the whole collection.
/// </summary>
public interface ILiveCollector : ILiveReader
{
    Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct);

    async Task ILiveReader.ReadAsync(LiveScope scope, CancellationToken ct)
    {
        foreach (var resource in await CollectAsync(scope.Session, scope.Account, scope.Region, ct).ConfigureAwait(false)) scope.Add(resource);
    }
}
