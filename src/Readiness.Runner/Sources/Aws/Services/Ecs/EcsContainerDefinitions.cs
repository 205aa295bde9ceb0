using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// Reads container definitions, whatever wrote them: Terraform's container_definitions (jsonencode([...]), a JSON
/// string or heredoc, file()), CloudFormation's ContainerDefinitions and the DescribeTaskDefinition answer. Terraform
/// and the API name the keys in camelCase, CloudFormation in PascalCase; everything else is the same.
/// </summary>
internal static class EcsContainerDefinitions
{
    /// <summary>Terraform's container_definitions attribute.</summary>
    public static Value<IReadOnlyList<EcsContainer>> FromTerraform(IacResource r, string attribute)
    {
        var b = r.Body;
        var origin = b.OriginOf(attribute);
        // jsonencode([...]) is read before encoding, so each key keeps its own line and a single unknown leaf
        // (an image variable) does not hide the rest.
        if (b.Expression(attribute) is HclCall { Name: "jsonencode", Args: [var argument] } && b.Module is { } module)
        {
            var items = argument is HclTuple tuple
                ? tuple.Items.Select(item => Body(item, module, r.File)).ToList()
                : Bodies(TerraformEvaluator.Instance.Eval(argument, module), origin);
            return items is null ? Value<IReadOnlyList<EcsContainer>>.Unresolved(argument.Text).From(origin) : Read(items, camelCase: true);
        }
        return b.Get(attribute) switch
        {
            null => Value<IReadOnlyList<EcsContainer>>.Of([]),
            IacUnknown u => Value<IReadOnlyList<EcsContainer>>.Unresolved(u.Expression).From(origin),
            string json => FromJson(json, origin),
            var other => Bodies(other, origin) is { } bodies ? Read(bodies, camelCase: true) : Value<IReadOnlyList<EcsContainer>>.Unresolved(IacValue.Text(other)).From(origin),
        };
    }

    /// <summary>A JSON array of container definitions (a heredoc, a file() or the API's text); every key is recorded at <paramref name="origin"/>.</summary>
    public static Value<IReadOnlyList<EcsContainer>> FromJson(string json, ValueOrigin? origin)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Bodies(IacValues.FromJson(doc.RootElement), origin) is { } bodies
                ? Read(bodies, camelCase: true)
                : Value<IReadOnlyList<EcsContainer>>.Unresolved("container definitions that are not a JSON array").From(origin);
        }
        catch (JsonException)
        {
            return Value<IReadOnlyList<EcsContainer>>.Unresolved(json.Length > 80 ? json[..80] + "..." : json).From(origin);
        }
    }

    /// <summary>The containerDefinitions array of a DescribeTaskDefinition answer; every value is recorded as read from that API field.</summary>
    public static Value<IReadOnlyList<EcsContainer>> FromApi(JsonElement definitions, ValueOrigin origin) =>
        Bodies(IacValues.FromJson(definitions), origin) is { } bodies ? Read(bodies, camelCase: true) : Value<IReadOnlyList<EcsContainer>>.Of([]);

    /// <summary>CloudFormation's ContainerDefinitions (PascalCase keys).</summary>
    public static Value<IReadOnlyList<EcsContainer>> FromCloudFormation(IacBody body, string attribute) =>
        body.Get(attribute) is IacUnknown u
            ? Value<IReadOnlyList<EcsContainer>>.Unresolved(u.Expression).From(body.OriginOf(attribute))
            : Read(body.Blocks(attribute).ToList(), camelCase: false);

    /// <summary>Each element of an evaluated list as a body at <paramref name="origin"/>; null when the list is unknown.</summary>
    private static List<IacBody>? Bodies(object? value, ValueOrigin? origin) => value switch
    {
        List<object?> list when list.All(i => i is Dictionary<string, object?>) => list.Select(i => (IacBody)new FixedOriginBody((Dictionary<string, object?>)i!, origin)).ToList(),
        _ => null,
    };

    private static IacBody Body(HclExpr item, TfModule module, string file) => item is HclObject obj
        ? new HclObjectBody(obj, module, file)
        : TerraformEvaluator.Instance.Eval(item, module) is Dictionary<string, object?> map
            ? new FixedOriginBody(map, ValueOrigin.InFile(file, item.Line, item.Column))
            : new FixedOriginBody(null, ValueOrigin.InFile(file, item.Line, item.Column), item.Text);

    private static Value<IReadOnlyList<EcsContainer>> Read(IReadOnlyList<IacBody> bodies, bool camelCase)
    {
        string K(string name) => camelCase ? name : char.ToUpperInvariant(name[0]) + name[1..];
        var containers = new List<EcsContainer>();
        foreach (var c in bodies)
        {
            if (c is FixedOriginBody { Unknown: { } expression } unknown) return Value<IReadOnlyList<EcsContainer>>.Unresolved(expression).From(unknown.Origin);
            var log = c.Block(K("logConfiguration"));
            // A container's line is where its name is set (or its image): findings about an absence point there.
            containers.Add(new EcsContainer
            {
                Name = IacValue.String(c, K("name"), "").From(c.OriginOf(K("name")) ?? c.OriginOf(K("image"))),
                Image = IacValue.Optional(c, K("image")),
                Environment = c.Blocks(K("environment")).Select(e => Variable(e, K("name"), K("value"))).OfType<EcsEnvironmentVariable>().ToList(),
                Privileged = IacValue.Bool(c, K("privileged"), EcsContainer.Defaults.Privileged),
                User = IacValue.Optional(c, K("user")),
                ReadonlyRootFilesystem = IacValue.Bool(c, K("readonlyRootFilesystem"), EcsContainer.Defaults.ReadonlyRootFilesystem),
                LogDriver = c.Get(K("logConfiguration")) switch
                {
                    null => (string?)null,
                    IacUnknown u => Value<string?>.Unresolved(u.Expression).From(c.OriginOf(K("logConfiguration"))),
                    _ => IacValue.Optional(log, K("logDriver")),
                },
                LogGroup = LogGroupTargets.Awslogs(log, K),
                CapabilitiesAdded = c.Block(K("linuxParameters"))?.Block(K("capabilities")) is { } caps ? Strings(caps, K("add")) : [],
            });
        }
        return containers;
    }

    private static EcsEnvironmentVariable? Variable(IacBody e, string nameKey, string valueKey)
    {
        if (IacValues.AsString(e.Get(nameKey)) is not { } name) return null;
        var origin = e.OriginOf(valueKey) ?? e.OriginOf(nameKey);
        return e.Get(valueKey) switch
        {
            IacUnknown u => EcsEnvironmentVariable.Unresolved(name, u.Expression, origin),
            var v => EcsEnvironmentVariable.Of(name, IacValues.AsString(v) ?? "", origin),
        };
    }

    private static IReadOnlyList<Value<string>> Strings(IacBody body, string attribute) =>
        IacValue.StringValues(body.Get(attribute)).Select(v => v.From(body.OriginOf(attribute))).ToList();
}

/// <summary>
/// An HCL object literal inside jsonencode(...): each key's value is evaluated in its module and traced to its own line,
/// so a finding points at the environment entry or the flag a user must edit.
/// </summary>
internal sealed class HclObjectBody(HclObject obj, TfModule module, string file) : IacBody
{
    public override int Line => obj.Line;
    public override TfModule Module => module;

    private HclObjectItem? Item(string name) => obj.Items.LastOrDefault(i => KeyOf(i.Key) == name);

    private static string? KeyOf(HclExpr key) => key switch
    {
        HclVariable v => v.Name,
        HclLiteral { Value: string s } => s,
        HclTemplate { Parts: [string s] } => s,
        _ => null,
    };

    public override object? Get(string name) => Item(name) is { } i ? TerraformEvaluator.Instance.Eval(i.Value, module) : null;

    public override int LineOf(string name) => Item(name)?.Line ?? 0;

    public override ValueOrigin? OriginOf(string name) =>
        Item(name) is { } i ? TerraformOrigins.Trace(i.Value, module, ValueOrigin.InFile(file, i.Line, i.Value.Column, "Attribute that reads this value.")) : null;

    public override HclExpr? Expression(string name) => Item(name)?.Value;

    public override IEnumerable<IacBody> Blocks(string name)
    {
        if (Item(name) is not { } item) return [];
        return item.Value switch
        {
            HclObject o => [new HclObjectBody(o, module, file)],
            HclTuple t => t.Items.Select(e => e is HclObject o
                ? (IacBody)new HclObjectBody(o, module, file)
                : new FixedOriginBody(TerraformEvaluator.Instance.Eval(e, module) as Dictionary<string, object?>, ValueOrigin.InFile(file, e.Line, e.Column))),
            var other => TerraformEvaluator.Instance.Eval(other, module) switch
            {
                Dictionary<string, object?> map => [new FixedOriginBody(map, ValueOrigin.InFile(file, item.Line, other.Column))],
                List<object?> list => list.Select(e => (IacBody)new FixedOriginBody(e as Dictionary<string, object?>, ValueOrigin.InFile(file, item.Line, other.Column))),
                _ => [],
            },
        };
    }
}

/// <summary>
/// An already evaluated object whose every key is recorded as set at one place (a JSON string's attribute, one
/// element of a list). A null map is an element nothing resolves: its keys are unknown, and <see cref="Unknown"/>
/// names it when given.
/// </summary>
internal sealed class FixedOriginBody(Dictionary<string, object?>? values, ValueOrigin? origin, string? unknown = null) : IacBody
{
    public ValueOrigin? Origin => origin;
    public string? Unknown => values is null ? unknown ?? "?" : null;

    public override int Line => origin?.Line ?? 0;

    public override object? Get(string name) =>
        values is null ? new IacUnknown(unknown ?? name) : values.TryGetValue(name, out var v) ? v : null;

    public override int LineOf(string name) => values is null || values.ContainsKey(name) ? Line : 0;

    public override ValueOrigin? OriginOf(string name) => values is null || values.ContainsKey(name) ? origin : null;

    public override IEnumerable<IacBody> Blocks(string name) => Get(name) switch
    {
        List<object?> items => items.Select(i => (IacBody)new FixedOriginBody(i as Dictionary<string, object?>, origin)),
        Dictionary<string, object?> single => [new FixedOriginBody(single, origin)],
        _ => [],
    };
}
