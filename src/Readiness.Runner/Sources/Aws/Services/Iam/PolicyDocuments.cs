using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Clients;

/// <summary>Reads a live policy document (JSON an AWS API returned) through the one policy reader, <see cref="IacPolicy"/>.</summary>
public static class PolicyDocuments
{
    /// <summary>The document; JSON that is not a policy is an error of the answer, never an empty policy.</summary>
    public static PolicyDocument Parse(string json) =>
        IacPolicy.FromJson(json) is { IsKnown: true, Known: { } document }
            ? document
            : throw new FormatException("The policy document AWS returned is not a JSON policy.");
}
