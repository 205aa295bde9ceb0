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

    // A dynamic "ingress" block contributes its content once; its iterator values stay unknown.
    public override IEnumerable<IacBody> Blocks(string name) =>
        body.Blocks
            .Where(b => b.Type == name || (b.Type == "dynamic" && b.Label(0) == name))
            .Select(b => b.Type == "dynamic"
                ? new HclIacBody(b.Body.BlocksOf("content").FirstOrDefault()?.Body ?? new HclBody(), b.Line, module, file)
                : new HclIacBody(b.Body, b.Line, module, file));
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
