using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// Reads one service's resources from a live account through the service's own wire client. The collector calls it once
/// per account (global services) or once per region, records a coverage gap for the service when it throws
/// <see cref="AwsCallException"/>, and lists the service in <see cref="AccountSettings.ServicesRead"/> only when it succeeded.
/// Services whose reads depend on another's (RDS subnets on EC2 route tables, WAF associations on load balancers and
/// distributions) are joined in <see cref="AwsCollector"/> instead.
/// </summary>
public interface ILiveCollector
{
    /// <summary>The service name used in gaps and ServicesRead ("secretsmanager").</summary>
    string Service { get; }

    /// <summary>True when the service is read once per account (its resources carry their own region).</summary>
    bool IsGlobal { get; }

    Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct);
}
