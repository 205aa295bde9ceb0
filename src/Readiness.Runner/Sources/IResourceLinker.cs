using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources;

/// <summary>
/// A source that relates resources of different sources after every source has collected and before the rules run
/// (the AWS source links live resources to their IaC definitions).
/// </summary>
public interface IResourceLinker
{
    void Link(IReadOnlyList<CloudResource> resources, Coverage coverage);
}
