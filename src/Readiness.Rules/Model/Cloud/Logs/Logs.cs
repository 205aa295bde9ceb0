namespace Readiness.Rules.Model.Cloud;

// CloudWatch Logs: log groups. Absent attributes take the defaults written once in Defaults; every source (Terraform,
// CloudFormation, live, inventory) reads them from there.

/// <summary>A CloudWatch Logs log group.</summary>
public sealed record LogGroup : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        /// <summary>No retention setting: events never expire.</summary>
        public const int RetentionInDays = 0;
    }

    public override string Service => "logs";
    public override string Type => "log-group";

    /// <summary>Days events are kept; 0 means never expire.</summary>
    public Value<int> RetentionInDays { get; init; } = Defaults.RetentionInDays;

    /// <summary>The customer managed KMS key that encrypts the group (an ARN, or for IaC the key's address); null when none.</summary>
    public Value<string?> KmsKeyId { get; init; } = (string?)null;
}
