using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Model;

/// <summary>
/// The whole-model evidence of a scan: the cloud inventory (IaC and live), the HTTP observations and the containers
/// (Dockerfiles and compose configurations).
/// Source files are not held here: they stream through the file rules one at a time so a large tree fits in memory.
/// </summary>
public sealed class Evidence
{
    public CloudInventory Cloud { get; init; } = CloudInventory.Empty;
    public IReadOnlyList<HttpTarget> Http { get; init; } = [];
    public ContainerEvidence Containers { get; init; } = ContainerEvidence.Empty;
}
