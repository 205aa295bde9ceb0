using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// Reads the log group a container or a function names, whatever wrote it: Terraform, CloudFormation or the API
/// (ECS awslogs options, Lambda logging_config / LoggingConfig, Lambda's default /aws/lambda/NAME).
/// </summary>
internal static class LogGroupTargets
{
    /// <summary>The group <paramref name="attribute"/> names: its name, or an unresolved name with the resource it refers to; null when absent.</summary>
    public static LogGroupTarget? Read(IacBody? body, string attribute)
    {
        if (body?.Get(attribute) is not { } value || value is string { Length: 0 }) return null;
        var origin = body.OriginOf(attribute);
        return value is IacUnknown u
            ? new LogGroupTarget { Name = Value<string>.Unresolved(u.Expression).From(origin), Reference = u.Reference }
            : new LogGroupTarget { Name = IacValue.String(value, "").From(origin) };
    }

    /// <summary>
    /// The awslogs driver's group of a container's logConfiguration (<paramref name="key"/> spells its keys); null for
    /// another driver or none. ECS creates a missing group only when awslogs-create-group is "true".
    /// </summary>
    public static LogGroupTarget? Awslogs(IacBody? logConfiguration, Func<string, string> key)
    {
        if (logConfiguration is null || IacValues.AsString(logConfiguration.Get(key("logDriver"))) != "awslogs") return null;
        var options = logConfiguration.Block(key("options"));
        return Read(options, "awslogs-group") is { } group
            ? group with { Region = IacValue.Optional(options, "awslogs-region"), CreatedWhenMissing = IacValue.Bool(options, "awslogs-create-group", false) }
            : null;
    }

    /// <summary>
    /// A function's group: <paramref name="configured"/> (logging_config.log_group) when set, else /aws/lambda/NAME
    /// from its name attribute; a name nothing resolves (or that CloudFormation generates) leaves the default unresolved.
    /// </summary>
    public static LogGroupTarget Lambda(LogGroupTarget? configured, IacBody body, string nameAttribute) => configured ?? (body.Get(nameAttribute) switch
    {
        string { Length: > 0 } name => new LogGroupTarget { Name = Value<string>.Of(Default(name)).From(body.OriginOf(nameAttribute)) },
        IacUnknown u => new LogGroupTarget { Name = Value<string>.Unresolved(Default(u.Expression is ['"', .. var template, '"'] ? template : "${" + u.Expression + "}")).From(body.OriginOf(nameAttribute)) },
        _ => new LogGroupTarget { Name = Value<string>.Unresolved(Default("${the name CloudFormation generates}")) },
    });

    /// <summary>The group Lambda writes a function's logs to unless told otherwise.</summary>
    public static string Default(string functionName) => "/aws/lambda/" + functionName;
}
