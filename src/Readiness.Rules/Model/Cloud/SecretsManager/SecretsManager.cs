namespace Readiness.Rules.Model.Cloud;

// Secrets Manager: secrets. Absent attributes take the defaults written once in each record's Defaults;
// every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A Secrets Manager secret.</summary>
public sealed record Secret : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool RotationEnabled = false;
    }

    public override string Service => "secretsmanager";
    public override string Type => "secret";
    public string? Name { get; init; }
    public Value<bool> RotationEnabled { get; init; } = Defaults.RotationEnabled;
    public Value<int?> RotationIntervalDays { get; init; } = (int?)null;

    /// <summary>Live only.</summary>
    public DateTimeOffset? LastRotated { get; init; }
    public DateTimeOffset? Created { get; init; }
}
