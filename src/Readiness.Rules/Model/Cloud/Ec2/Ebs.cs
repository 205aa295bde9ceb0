namespace Readiness.Rules.Model.Cloud;

// EC2 compute: EBS volumes, instances and launch templates. Absent attributes take the defaults written once in each
// record's Defaults; every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>
/// An EBS volume. Encrypted is what the volume will be: the attribute, or true where the same configuration (or the live
/// account) turns on EBS encryption by default, since AWS then encrypts every new volume.
/// </summary>
public sealed record EbsVolume : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const bool Encrypted = false;
    }

    public override string Service => "ec2";
    public override string Type => "volume";
    public Value<bool> Encrypted { get; init; } = Defaults.Encrypted;
}

/// <summary>An EC2 instance or a launch template: its declared EBS block devices and its instance metadata options.</summary>
public sealed record Ec2Instance : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        /// <summary>"optional" lets IMDSv1 requests through; "required" is IMDSv2 only.</summary>
        public const string HttpTokens = "optional";
        public const string HttpEndpoint = "enabled";
    }

    public override string Service => "ec2";
    public override string Type => IsLaunchTemplate ? "launch-template" : "instance";
    public bool IsLaunchTemplate { get; init; }

    /// <summary>The EBS devices the configuration declares (live: none, the volumes are read as <see cref="EbsVolume"/>).</summary>
    public IReadOnlyList<BlockDevice> BlockDevices { get; init; } = [];

    /// <summary>metadata_options.http_tokens; null when an instance takes its metadata options from a launch template.</summary>
    public Value<string?> HttpTokens { get; init; } = Defaults.HttpTokens;

    /// <summary>metadata_options.http_endpoint: "disabled" turns the metadata service off altogether.</summary>
    public Value<string> HttpEndpoint { get; init; } = Defaults.HttpEndpoint;
}

/// <summary>One EBS device of an instance or launch template; Line is where it is declared.</summary>
public sealed record BlockDevice
{
    public string? DeviceName { get; init; }
    public bool IsRoot { get; init; }
    public Value<bool> Encrypted { get; init; } = EbsVolume.Defaults.Encrypted;
    public int Line { get; init; }
}
