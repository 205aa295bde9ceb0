namespace Readiness.Rules.Model.Cloud;

// Terraform itself: a root module's state backend. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A Terraform root module's state backend: where production state lives.</summary>
public sealed record TerraformBackend : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string BackendType = "local";
    }

    public override string Service => "terraform";
    public override string Type => "backend";

    /// <summary>"local" when the configuration declares none.</summary>
    public Value<string> BackendType { get; init; } = Defaults.BackendType;
}
