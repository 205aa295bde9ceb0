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

    /// <summary>The group's name; unresolved when IaC sets it by an expression nothing resolves; null when IaC leaves it to AWS (name_prefix).</summary>
    public Value<string?> Name { get; init; } = (string?)null;

    /// <summary>
    /// IaC: the resource whose attribute the name is built from ("/aws/lambda/${aws_lambda_function.api.function_name}"
    /// is named after aws_lambda_function.api), so a function's default group is found though its name is not yet known;
    /// null for a literal name and for live groups.
    /// </summary>
    public string? NamedAfter { get; init; }

    /// <summary>Days events are kept; 0 means never expire.</summary>
    public Value<int> RetentionInDays { get; init; } = Defaults.RetentionInDays;

    /// <summary>The customer managed KMS key that encrypts the group (an ARN, or for IaC the key's address); null when none.</summary>
    public Value<string?> KmsKeyId { get; init; } = (string?)null;
}

/// <summary>
/// The CloudWatch log group a container (the awslogs driver's awslogs-group) or a function writes to, as its
/// configuration names it: by name, or in IaC by a reference to the log group resource.
/// </summary>
public sealed record LogGroupTarget
{
    /// <summary>The group's name; unresolved when it is an expression nothing resolves (a reference to another resource's attribute among them).</summary>
    public Value<string> Name { get; init; } = "";

    /// <summary>IaC: the resource the name refers to (aws_cloudwatch_log_group.api for aws_cloudwatch_log_group.api.name, the logical id of !Ref ApiLogs); null otherwise.</summary>
    public string? Reference { get; init; }

    /// <summary>The region the group is in (ECS awslogs-region); null: the writer's own region.</summary>
    public Value<string?> Region { get; init; } = (string?)null;

    /// <summary>
    /// Whether the writer creates the group when it is missing, with no retention: Lambda always does, ECS only with
    /// awslogs-create-group = "true" (otherwise its tasks fail to start).
    /// </summary>
    public Value<bool> CreatedWhenMissing { get; init; } = true;
}
