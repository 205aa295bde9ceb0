namespace Readiness.Rules.Model.Cloud;

// Lambda: functions with their URL, resource policy and environment. Absent attributes take the defaults written once in
// each record's Defaults; every source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>A Lambda function, with the function URL and resource-policy statements declared for it.</summary>
public sealed record LambdaFunction : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string PackageType = "Zip";
    }

    public override string Service => "lambda";
    public override string Type => "function";
    public string? Name { get; init; }

    /// <summary>"Zip" or "Image"; an image function has no managed runtime.</summary>
    public string PackageType { get; init; } = Defaults.PackageType;

    /// <summary>The managed runtime identifier ("python3.12"); null for an image function.</summary>
    public Value<string?> Runtime { get; init; } = (string?)null;

    /// <summary>
    /// The log group the function writes to: logging_config.log_group (LoggingConfig.LogGroup), else its default
    /// /aws/lambda/NAME (unresolved when the name is); null for a function known only through its URL or permission.
    /// </summary>
    public LogGroupTarget? LogGroup { get; init; }

    /// <summary>The function URL's auth type ("AWS_IAM" or "NONE"); null when the function has no URL.</summary>
    public Value<string?> UrlAuthType { get; init; } = (string?)null;

    /// <summary>Statements of the function's resource policy (aws_lambda_permission, AWS::Lambda::Permission, GetPolicy).</summary>
    public IReadOnlyList<LambdaPermission> Permissions { get; init; } = [];

    /// <summary>The environment variables by name; their values are never kept, only whether each holds a literal.</summary>
    public IReadOnlyList<EnvironmentVariable> Environment { get; init; } = [];
}

/// <summary>
/// One statement of a function's resource policy, with its conditions (Terraform's source_arn, source_account and
/// principal_org_id are the conditions they become); Line is where the permission is declared (0 for live).
/// </summary>
public sealed record LambdaPermission
{
    public string? StatementId { get; init; }
    public Value<string> Principal { get; init; } = "";
    public string? Action { get; init; }
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>False when a condition is set by a value not known before apply (a variable).</summary>
    public bool ConditionsKnown { get; init; } = true;

    /// <summary>A condition limits whose requests the principal may make (the one definition of <see cref="PolicyCondition.NarrowsCaller"/>).</summary>
    public bool NarrowsPrincipal => Conditions.Any(c => c.NarrowsCaller);
    public int Line { get; init; }

    /// <summary>Terraform address or logical id of the permission resource.</summary>
    public string? Address { get; init; }
}

/// <summary>
/// An environment variable of a function. HoldsLiteral is true when its value is written in the configuration (or,
/// live, stored on the function) and is a real value rather than a placeholder or a reference; unresolved when the
/// value is an expression nothing resolves. The value itself is never kept, so no secret reaches a report or inventory.
/// </summary>
public sealed record EnvironmentVariable
{
    public required string Name { get; init; }
    public Value<bool> HoldsLiteral { get; init; } = false;

    /// <summary>
    /// True when the value is written in a file the secret rules judge (RDY1004 reads secret-named assignments in .tf,
    /// tfvars and configuration files that are not tests, docs or examples): they report the literal at its line, so
    /// one secret stays one finding.
    /// </summary>
    public bool ReportedBySecretRules { get; init; }
}
