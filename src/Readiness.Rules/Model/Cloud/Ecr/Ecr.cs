namespace Readiness.Rules.Model.Cloud;

// ECR: private image repositories. Absent attributes take the defaults written once in Defaults; every source
// (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A private ECR repository.</summary>
public sealed record EcrRepository : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string ImageTagMutability = "MUTABLE";
        public const bool ScanOnPush = false;
    }

    public override string Service => "ecr";
    public override string Type => "repository";

    public string? Name { get; init; }

    /// <summary>"MUTABLE", "IMMUTABLE" (or the *_WITH_EXCLUSION variants).</summary>
    public Value<string> ImageTagMutability { get; init; } = Defaults.ImageTagMutability;
    public Value<bool> ScanOnPush { get; init; } = Defaults.ScanOnPush;

    /// <summary>The repository policy; null when the repository has none.</summary>
    public Value<PolicyDocument?> Policy { get; init; } = (PolicyDocument?)null;
}
