using Readiness.Rules.Catalog.Containers;
using Readiness.Rules.Secrets;
using Readiness.Rules.Text;

namespace Readiness.Rules.Model.Cloud;

// ECS: task definitions (with their container definitions) and services. Absent attributes take the defaults written
// once in each record's Defaults; every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An ECS task definition: the containers a task runs and the namespaces it shares with the host.</summary>
public sealed record EcsTaskDefinition : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        /// <summary>EC2 launch type default; Fargate requires awsvpc, which is then written explicitly.</summary>
        public const string NetworkMode = "bridge";
    }

    public override string Service => "ecs";
    public override string Type => "task-definition";

    public string? Family { get; init; }

    /// <summary>"awsvpc", "bridge", "host" or "none".</summary>
    public Value<string> NetworkMode { get; init; } = Defaults.NetworkMode;

    /// <summary>"host" or "task"; null when the task has its own process namespace.</summary>
    public Value<string?> PidMode { get; init; } = (string?)null;

    /// <summary>The role the containers' code runs with (task_role_arn): its ARN, or the role's address in IaC; null when unset.</summary>
    public Value<string?> TaskRole { get; init; } = (string?)null;

    /// <summary>The role ECS itself uses to pull the image, read `secrets` and write logs (execution_role_arn); null when unset.</summary>
    public Value<string?> ExecutionRole { get; init; } = (string?)null;

    /// <summary>The container definitions; unresolved when they come from an expression nothing resolves (a variable, templatefile()).</summary>
    public Value<IReadOnlyList<EcsContainer>> Containers { get; init; } = Value<IReadOnlyList<EcsContainer>>.Of([]);
}

/// <summary>One container definition of a task definition.</summary>
public sealed record EcsContainer
{
    /// <summary>What ECS applies when the attribute is not set.</summary>
    public static class Defaults
    {
        public const bool Privileged = false;
        public const bool ReadonlyRootFilesystem = false;
    }

    /// <summary>The container name; its origin is where the container is declared (findings about an absence point there).</summary>
    public Value<string> Name { get; init; } = "";
    public Value<string?> Image { get; init; } = (string?)null;

    /// <summary>The plain environment (never the values: see <see cref="EcsEnvironmentVariable"/>).</summary>
    public IReadOnlyList<EcsEnvironmentVariable> Environment { get; init; } = [];
    public Value<bool> Privileged { get; init; } = Defaults.Privileged;

    /// <summary>The user ("app", "10001", "0:0"); null when unset, so the image's USER applies.</summary>
    public Value<string?> User { get; init; } = (string?)null;
    public Value<bool> ReadonlyRootFilesystem { get; init; } = Defaults.ReadonlyRootFilesystem;

    /// <summary>The log driver of logConfiguration ("awslogs", "awsfirelens"); null when the container has no log configuration.</summary>
    public Value<string?> LogDriver { get; init; } = (string?)null;

    /// <summary>The log group of the awslogs driver (its awslogs-group, awslogs-region and awslogs-create-group options); null for another driver or none.</summary>
    public LogGroupTarget? LogGroup { get; init; }

    /// <summary>linuxParameters.capabilities.add.</summary>
    public IReadOnlyList<Value<string>> CapabilitiesAdded { get; init; } = [];
}

/// <summary>What a plain environment value is, as far as a secret check needs to know.</summary>
public enum EnvironmentValueKind
{
    /// <summary>Empty, true/false or a number: nothing a secret could be.</summary>
    Trivial,

    /// <summary>A reference to somewhere else (${VAR}, a template, a secret-store path) written as text.</summary>
    Reference,

    /// <summary>Text that could be a secret.</summary>
    Literal,
}

/// <summary>
/// One plain environment variable of a container. The value itself is never kept: the model is written to inventory
/// files, and a secret must never be stored in full. What the rules need is kept instead: what kind of value it is,
/// its HMAC (a fingerprint key) and the secret detector that recognizes it.
/// </summary>
public sealed record EcsEnvironmentVariable
{
    public required string Name { get; init; }

    /// <summary>The kind of the value; unresolved (with its expression) when the value is one nothing resolves.</summary>
    public Value<EnvironmentValueKind> Kind { get; init; } = EnvironmentValueKind.Trivial;

    /// <summary><see cref="Redaction.Hash"/> of a literal value, so a rotated value is a new finding.</summary>
    public string? ValueHash { get; init; }

    /// <summary>
    /// The title of the secret detector that recognizes the value (an AWS key, a Stripe key, a password inside a
    /// connection URL), whatever the variable's name; null when none does.
    /// </summary>
    public string? DetectedAs { get; init; }

    /// <summary>
    /// The value itself, kept only for the debug settings a rule reads (DEBUG, NODE_ENV, ASPNETCORE_ENVIRONMENT:
    /// <see cref="ContainerEnvironment.DebugSettings"/>, none of them a secret name) and only when no secret detector
    /// recognizes it; null for every other variable.
    /// </summary>
    public string? Setting { get; init; }

    /// <summary>A variable from its literal value, classified once here so no source keeps the value.</summary>
    public static EcsEnvironmentVariable Of(string name, string value, ValueOrigin? origin)
    {
        var v = value.Trim();
        var kind = ContainerEnvironment.Classify(v);
        var detectedAs = kind == EnvironmentValueKind.Literal
            ? SecretScanner.Scan(new SourceFile("environment-value", v)).Hits.FirstOrDefault(h => h.Kind is SecretKind.Provider or SecretKind.PrivateKey or SecretKind.ConnectionPassword)?.Title
            : null;
        return new EcsEnvironmentVariable
        {
            Name = name,
            Kind = Value<EnvironmentValueKind>.Of(kind).From(origin),
            ValueHash = kind == EnvironmentValueKind.Literal ? Redaction.Hash(v) : null,
            DetectedAs = detectedAs,
            Setting = ContainerEnvironment.DebugSettings.Contains(name) && !SecretNames.IsSecretName(name) && detectedAs is null && v.Length <= 32 ? v : null,
        };
    }

    /// <summary>A variable whose value is an expression nothing resolves.</summary>
    public static EcsEnvironmentVariable Unresolved(string name, string expression, ValueOrigin? origin) =>
        new() { Name = name, Kind = Value<EnvironmentValueKind>.Unresolved(expression).From(origin) };
}

/// <summary>An ECS service: how many tasks of a task definition run, and how they are reached.</summary>
public sealed record EcsService : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set.</summary>
    public static class Defaults
    {
        public const bool AssignPublicIp = false;
    }

    public override string Service => "ecs";
    public override string Type => "service";

    public string? Name { get; init; }

    /// <summary>"FARGATE", "EC2", "EXTERNAL"; null when a capacity provider strategy decides.</summary>
    public string? LaunchType { get; init; }

    /// <summary>network_configuration.assign_public_ip (awsvpc tasks only).</summary>
    public Value<bool> AssignPublicIp { get; init; } = Defaults.AssignPublicIp;

    /// <summary>The task definition (ARN, or address for IaC).</summary>
    public Value<string?> TaskDefinition { get; init; } = (string?)null;
}
