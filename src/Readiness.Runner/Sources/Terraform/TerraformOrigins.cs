using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>Where a module's input variable was assigned: a var file line, or a module argument (traced on in the parent when it reads a variable).</summary>
public sealed record TfVariableSource(ValueOrigin Origin, HclExpr? Expression = null, TfModule? Module = null);

/// <summary>
/// Traces where an attribute's value was set. <c>deletion_protection = var.x</c> fed by <c>x = false</c> in a tfvars
/// file was set on the tfvars line; fed through a module argument, on that argument's line in the calling root (each
/// root its own). Only direct variable references are traced; any other expression, and a variable left at its
/// default, was set on the attribute itself.
/// </summary>
public static class TerraformOrigins
{
    private const int MaxDepth = 16;

    public static ValueOrigin Trace(HclExpr expr, TfModule module, ValueOrigin step) => Assigned(expr, module, step, 0) ?? step;

    /// <summary>
    /// Where an explicit assignment (a var file line, a module argument) set the variable <paramref name="expr"/> reads,
    /// with <paramref name="step"/> appended to the way it travelled; null when the expression is not a variable or the
    /// variable kept its default (the finding then stays on the attribute, where the default is overridden).
    /// </summary>
    private static ValueOrigin? Assigned(HclExpr expr, TfModule module, ValueOrigin step, int depth)
    {
        if (depth > MaxDepth || VariableName(expr) is not { } name || !module.VariableSources.TryGetValue(name, out var source)) return null;
        var set = source switch
        {
            { Expression: { } argument, Module: { } parent } when VariableName(argument) is not null => Assigned(argument, parent, source.Origin, depth + 1),
            _ => source.Origin,
        };
        return set is null ? null : set with { Via = [.. set.Via, step] };
    }

    private static string? VariableName(HclExpr expr) => expr switch
    {
        HclGetAttr { Target: HclVariable { Name: "var" }, Name: var name } => name,
        HclTemplate { Parts: [HclExpr only] } => VariableName(only),
        _ => null,
    };

    /// <summary>The assignments of an HCL var file (JSON var files are not traced: their values point at the attribute).</summary>
    public static void AddVarFile(Dictionary<string, TfVariableSource> sources, SourceFile file)
    {
        if (file.Path.EndsWith(".json", StringComparison.Ordinal)) return;
        foreach (var attribute in file.Parsed(f => HclParser.Parse(f.Path, f.Text)).Body.Attributes)
            sources[attribute.Name] = new TfVariableSource(ValueOrigin.InFile(file.Path, attribute.Line, attribute.Column, "Variable value."));
    }

    /// <summary>A module block's arguments, traced on in the calling module.</summary>
    public static void AddModuleArguments(Dictionary<string, TfVariableSource> sources, HclBlock block, TfModule parent, IEnumerable<HclAttribute> inputs)
    {
        var file = parent.Files.FirstOrDefault(f => f.Body.Blocks.Contains(block))?.Path;
        if (file is null) return;
        foreach (var input in inputs)
            sources[input.Name] = new TfVariableSource(ValueOrigin.InFile(file, input.Line, input.Column, "Module argument that passes this value."), input.Value, parent);
    }
}
