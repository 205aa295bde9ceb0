using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>A body read from .tf files, evaluated in its module.</summary>
public sealed class HclIacBody(HclBody body, int line, TfModule module, string file) : IacBody
{
    public override int Line => line;
    public override TfModule Module => module;

    public override object? Get(string name) => body.Attribute(name) is { } a ? TerraformEvaluator.Instance.Eval(a.Value, module) : null;

    public override int LineOf(string name) => body.Attribute(name)?.Line ?? 0;

    public override ValueOrigin? OriginOf(string name) =>
        body.Attribute(name) is { } a ? TerraformOrigins.Trace(a.Value, module, ValueOrigin.InFile(file, a.Line, a.Column, "Attribute that reads this value.")) : null;

    public override HclExpr? Expression(string name) => body.Attribute(name)?.Value;

    // A dynamic "ingress" block contributes its content once per element of a known for_each, with the iterator
    // (ingress.key, ingress.value) bound; over an unknown collection once, with the iterator unknown.
    public override IEnumerable<IacBody> Blocks(string name)
    {
        // The attribute form (ingress = [ { ... } ]) is the same as blocks; an unknown list reads as one unknown block.
        if (body.Attribute(name) is { } attribute)
        {
            switch (Get(name))
            {
                case List<object?> items:
                    foreach (var item in items) yield return new ValueIacBody(item as Dictionary<string, object?>, attribute.Line);
                    break;
                case Dictionary<string, object?> single:
                    yield return new ValueIacBody(single, attribute.Line);
                    break;
                case IacUnknown unknown:
                    yield return new ValueIacBody(null, attribute.Line, unknown);
                    break;
            }
        }
        foreach (var b in body.Blocks.Where(b => b.Type == name || (b.Type == "dynamic" && b.Label(0) == name)))
        {
            if (b.Type != "dynamic")
            {
                yield return new HclIacBody(b.Body, b.Line, module, file);
                continue;
            }
            var content = b.Body.BlocksOf("content").FirstOrDefault()?.Body ?? new HclBody();
            var iterator = b.Body.Attribute("iterator")?.Value is HclVariable v ? v.Name : name;
            var collection = b.Body.Attribute("for_each") is { } forEach ? TerraformEvaluator.Instance.Eval(forEach.Value, module) : null;
            if (TerraformEvaluator.Elements(collection) is { } elements)
            {
                foreach (var (key, value) in elements)
                {
                    // A set (list) iterates with key = value, as Terraform's for_each does.
                    var iteratorValue = new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = collection is List<object?> ? value : key, ["value"] = value };
                    yield return new HclIacBody(content, b.Line, module.With(iterator, iteratorValue), file);
                }
                continue;
            }
            var unknown = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["key"] = new IacUnknown(iterator + ".key"),
                ["value"] = new IacUnknown(iterator + ".value"),
            };
            yield return new HclIacBody(content, b.Line, module.With(iterator, unknown), file);
        }
    }
}

/// <summary>
/// A block written as an attribute value (ingress = [ { from_port = 22, ... } ]), already evaluated; every attribute
/// is at the attribute's line. A null map is an element that could not be known: each of its attributes is unknown.
/// </summary>
public sealed class ValueIacBody(Dictionary<string, object?>? values, int line, IacUnknown? unknown = null) : IacBody
{
    public override int Line => line;

    public override object? Get(string name) =>
        values is null ? unknown ?? new IacUnknown(name) : values.TryGetValue(name, out var v) ? v : null;

    public override int LineOf(string name) => values is null || values.ContainsKey(name) ? line : 0;

    public override IEnumerable<IacBody> Blocks(string name) => Get(name) switch
    {
        List<object?> items => items.Select(i => (IacBody)new ValueIacBody(i as Dictionary<string, object?>, line)),
        Dictionary<string, object?> single => [new ValueIacBody(single, line)],
        _ => [],
    };
}

/// <summary>A body read from plan JSON values; values the plan leaves unknown fall back to the configuration's references.</summary>
public sealed class JsonIacBody(JsonElement values, Func<string, IacUnknown?> reference) : IacBody
{
    public override int Line => 0;

    public override object? Get(string name) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? IacValues.FromJson(v)
            : reference(name);

    public override int LineOf(string name) => 0;

    public override IEnumerable<IacBody> Blocks(string name)
    {
        if (values.ValueKind != JsonValueKind.Object || !values.TryGetProperty(name, out var v)) yield break;
        if (v.ValueKind == JsonValueKind.Object) yield return new JsonIacBody(v, _ => null);
        else if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)) yield return new JsonIacBody(item, _ => null);
        }
    }
}
