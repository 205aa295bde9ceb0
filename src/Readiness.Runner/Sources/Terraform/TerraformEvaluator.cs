using System.Globalization;
using System.Text;
using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>
/// One instance of a Terraform module: its files, the values of its input variables, its locals and its child module
/// instances. Address prefix is "" for a root module and "module.rds." for a child.
/// </summary>
public sealed class TfModule
{
    private readonly Dictionary<string, object?> localValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);

    /// <param name="variables">Input values by name, computed on first use (a module input may read a sibling module's output).</param>
    public TfModule(string directory, string addressPrefix, IReadOnlyList<HclFile> files, IReadOnlyDictionary<string, Lazy<object?>> variables)
    {
        Directory = directory;
        AddressPrefix = addressPrefix;
        Files = files;
        Variables = variables;
        foreach (var block in Files.SelectMany(f => f.Body.BlocksOf("locals")))
        {
            foreach (var attribute in block.Body.Attributes) Locals[attribute.Name] = attribute.Value;
        }
        foreach (var block in Files.SelectMany(f => f.Body.BlocksOf("output")))
        {
            if (block.Label(0) is { } name && block.Body.Attribute("value") is { } value) Outputs[name] = value.Value;
        }
    }

    public string Directory { get; }
    public string AddressPrefix { get; }
    public IReadOnlyList<HclFile> Files { get; }
    public IReadOnlyDictionary<string, Lazy<object?>> Variables { get; }
    public Dictionary<string, HclExpr> Locals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HclExpr> Outputs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TfModule> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each input variable got its value (see <see cref="TerraformOrigins"/>).</summary>
    public IReadOnlyDictionary<string, TfVariableSource> VariableSources { get; init; } = new Dictionary<string, TfVariableSource>();

    internal object? Local(string name, TerraformEvaluator evaluator, string expression)
    {
        if (localValues.TryGetValue(name, out var cached)) return cached;
        if (!Locals.TryGetValue(name, out var expr) || !evaluating.Add(name)) return new IacUnknown(expression);
        var value = evaluator.Eval(expr, this);
        evaluating.Remove(name);
        return localValues[name] = value;
    }
}

/// <summary>
/// Evaluates HCL expressions in a module: literals, templates, var / local / module outputs, operators,
/// conditionals and common functions. Whatever it cannot compute becomes a <see cref="IacUnknown"/> naming the
/// expression; resource references keep the referenced address.
/// </summary>
public sealed class TerraformEvaluator
{
    public static TerraformEvaluator Instance { get; } = new();

    public object? Eval(HclExpr expr, TfModule module) => expr switch
    {
        HclLiteral literal => literal.Value,
        HclTemplate template => Template(template, module),
        HclTuple tuple => tuple.Items.Select(i => Eval(i, module)).ToList(),
        HclObject obj => Object(obj, module),
        HclConditional c => Conditional(c, module),
        HclBinary b => Binary(b, module),
        HclUnary u => Unary(u, module),
        HclCall call => Call(call, module),
        HclVariable or HclGetAttr or HclIndex => Traversal(expr, module),
        _ => new IacUnknown(expr.Text),
    };

    private object? Object(HclObject obj, TfModule module)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var item in obj.Items)
        {
            // A bare key is its own name; (expr) or var.x keys are evaluated.
            var key = item.Key is HclVariable v ? v.Name : IacValues.AsString(Eval(item.Key, module));
            if (key is null) return new IacUnknown(obj.Text);
            map[key] = Eval(item.Value, module);
        }
        return map;
    }

    private object? Template(HclTemplate template, TfModule module)
    {
        if (template.Parts.Count == 1 && template.Parts[0] is HclExpr only) return Eval(only, module);
        var sb = new StringBuilder();
        foreach (var part in template.Parts)
        {
            if (part is string s) { sb.Append(s); continue; }
            var value = Eval((HclExpr)part, module);
            var text = IacValues.AsString(value);
            if (text is null) return new IacUnknown(template.Text, (value as IacUnknown)?.Reference);
            sb.Append(text);
        }
        return sb.ToString();
    }

    private object? Conditional(HclConditional c, TfModule module)
    {
        var condition = IacValues.AsBool(Eval(c.Condition, module));
        if (condition is { } known) return Eval(known ? c.WhenTrue : c.WhenFalse, module);
        // Both branches equal: the condition does not matter.
        var a = Eval(c.WhenTrue, module);
        var b = Eval(c.WhenFalse, module);
        return IacValues.IsKnown(a) && IacValues.IsKnown(b) && IacValues.ToJson(a) == IacValues.ToJson(b) ? a : new IacUnknown(c.Text);
    }

    private object? Unary(HclUnary u, TfModule module)
    {
        var value = Eval(u.Operand, module);
        return u.Op switch
        {
            "!" when IacValues.AsBool(value) is { } b => !b,
            "-" when IacValues.AsNumber(value) is { } d => -d,
            _ => new IacUnknown(u.Text),
        };
    }

    private object? Binary(HclBinary b, TfModule module)
    {
        var left = Eval(b.Left, module);
        if (b.Op == "&&" && IacValues.AsBool(left) == false) return false;
        if (b.Op == "||" && IacValues.AsBool(left) == true) return true;
        var right = Eval(b.Right, module);
        if (b.Op is "&&" or "||")
        {
            var r = IacValues.AsBool(right);
            if (r is null) return new IacUnknown(b.Text);
            if (b.Op == "&&" && r == false) return false;
            if (b.Op == "||" && r == true) return true;
            return IacValues.AsBool(left) is { } l ? l : new IacUnknown(b.Text);
        }
        if (!IacValues.IsKnown(left) || !IacValues.IsKnown(right)) return new IacUnknown(b.Text);
        if (b.Op is "==" or "!=")
        {
            var equal = IacValues.ToJson(left) == IacValues.ToJson(right)
                || (IacValues.AsNumber(left) is { } x && IacValues.AsNumber(right) is { } y && x == y && left is not bool && right is not bool);
            return b.Op == "==" ? equal : !equal;
        }
        if (IacValues.AsNumber(left) is not { } ln || IacValues.AsNumber(right) is not { } rn) return new IacUnknown(b.Text);
        return b.Op switch
        {
            "+" => ln + rn,
            "-" => ln - rn,
            "*" => ln * rn,
            "/" when rn != 0 => ln / rn,
            "%" when rn != 0 => ln % rn,
            "<" => ln < rn,
            ">" => ln > rn,
            "<=" => ln <= rn,
            ">=" => ln >= rn,
            _ => new IacUnknown(b.Text),
        };
    }

    // ---------- references ----------

    private object? Traversal(HclExpr expr, TfModule module)
    {
        var steps = new List<HclExpr>();
        var cursor = expr;
        while (cursor is HclGetAttr or HclIndex)
        {
            steps.Add(cursor);
            cursor = cursor is HclGetAttr g ? g.Target : ((HclIndex)cursor).Target;
        }
        steps.Reverse();
        if (cursor is not HclVariable root) return new IacUnknown(expr.Text);
        string? Name(int i) => i < steps.Count && steps[i] is HclGetAttr g ? g.Name : null;

        object? value;
        int used;
        switch (root.Name)
        {
            case "var" when Name(0) is { } name:
                value = module.Variables.TryGetValue(name, out var v) ? v.Value : new IacUnknown("var." + name);
                used = 1;
                break;
            case "local" when Name(0) is { } name:
                value = module.Local(name, this, "local." + name);
                used = 1;
                break;
            case "module" when Name(0) is { } child:
                if (Name(1) is { } output && module.Children.TryGetValue(child, out var instance) && instance.Outputs.TryGetValue(output, out var outputExpr))
                {
                    value = Eval(outputExpr, instance);
                    used = 2;
                    break;
                }
                return new IacUnknown(expr.Text, module.AddressPrefix + "module." + child);
            case "path" when Name(0) is "module" or "root" or "cwd":
                value = Name(0) == "module" ? module.Directory : ".";
                used = 1;
                break;
            case "data" when Name(0) is { } type && Name(1) is { } name:
                return new IacUnknown(expr.Text, $"{module.AddressPrefix}data.{type}.{name}");
            default:
                // aws_security_group.app.id refers to a resource of this module.
                if (root.Name.Contains('_') && Name(0) is { } resourceName)
                    return new IacUnknown(expr.Text, $"{module.AddressPrefix}{root.Name}.{resourceName}");
                return new IacUnknown(expr.Text);
        }
        for (var i = used; i < steps.Count; i++)
        {
            if (value is IacUnknown) return value;
            object? key = steps[i] is HclGetAttr g ? g.Name : Eval(((HclIndex)steps[i]).Key, module);
            value = (value, key) switch
            {
                (Dictionary<string, object?> map, string k) when map.TryGetValue(k, out var found) => found,
                (Dictionary<string, object?> map, decimal d) when map.TryGetValue(d.ToString(CultureInfo.InvariantCulture), out var found) => found,
                (List<object?> list, decimal d) when d >= 0 && d < list.Count => list[(int)d],
                _ => new IacUnknown(expr.Text),
            };
        }
        return value;
    }

    // ---------- functions ----------

    private object? Call(HclCall call, TfModule module)
    {
        if (call.Name == "try")
        {
            foreach (var arg in call.Args)
            {
                var value = Eval(arg, module);
                if (IacValues.IsKnown(value)) return value;
            }
            return new IacUnknown(call.Text);
        }
        var args = call.Args.Select(a => Eval(a, module)).ToList();
        if (call.Name == "can") return args.Count == 1 && IacValues.IsKnown(args[0]) ? true : new IacUnknown(call.Text);
        if (!args.All(IacValues.IsKnown)) return new IacUnknown(call.Text, args.OfType<IacUnknown>().FirstOrDefault()?.Reference);
        try
        {
            return Function(call.Name, args) ?? (KnownNullFunctions.Contains(call.Name) ? null : new IacUnknown(call.Text));
        }
        catch (Exception ex) when (ex is InvalidCastException or ArgumentException or FormatException or JsonException or IndexOutOfRangeException)
        {
            return new IacUnknown(call.Text);
        }
    }

    private static readonly HashSet<string> KnownNullFunctions = ["lookup", "coalesce", "one"];

    private static object? Function(string name, List<object?> a)
    {
        string S(int i) => IacValues.AsString(a[i]) ?? throw new FormatException();
        List<object?> L(int i) => a[i] as List<object?> ?? throw new InvalidCastException();
        return name switch
        {
            "jsonencode" => IacValues.ToJson(a[0]),
            "jsondecode" => IacValues.FromJson(JsonDocument.Parse(S(0)).RootElement.Clone()),
            "tostring" => IacValues.AsString(a[0]),
            "tonumber" => IacValues.AsNumber(a[0]),
            "tobool" => IacValues.AsBool(a[0]),
            "tolist" or "toset" => L(0),
            "tomap" => a[0] as Dictionary<string, object?>,
            "lower" => S(0).ToLowerInvariant(),
            "upper" => S(0).ToUpperInvariant(),
            "trimspace" => S(0).Trim(),
            "replace" when !S(1).StartsWith('/') => S(0).Replace(S(1), S(2), StringComparison.Ordinal),
            "join" => string.Join(S(0), a.Skip(1).SelectMany(x => (List<object?>)x!).Select(IacValues.AsString)),
            "split" => S(1).Split(S(0)).Select(x => (object?)x).ToList(),
            "concat" => a.SelectMany(x => (List<object?>)x!).ToList(),
            "merge" => a.Where(x => x is not null).SelectMany(x => (Dictionary<string, object?>)x!)
                .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            "lookup" => a[0] is Dictionary<string, object?> map && map.TryGetValue(S(1), out var found) ? found : a.Count > 2 ? a[2] : null,
            "coalesce" => a.FirstOrDefault(x => x is not null && !(x is string s && s.Length == 0)),
            "one" => L(0).Count == 0 ? null : L(0).Single(),
            "length" => a[0] switch
            {
                string s => (decimal)s.Length,
                List<object?> list => list.Count,
                Dictionary<string, object?> map => map.Count,
                _ => null,
            },
            "contains" => L(0).Any(x => IacValues.ToJson(x) == IacValues.ToJson(a[1])),
            "element" => L(0).Count == 0 ? null : L(0)[(int)(IacValues.AsNumber(a[1])!.Value % L(0).Count)],
            "min" => a.Select(x => IacValues.AsNumber(x)!.Value).Min(),
            "max" => a.Select(x => IacValues.AsNumber(x)!.Value).Max(),
            "format" => Format(S(0), a.Skip(1).ToList()),
            _ => null,
        };
    }

    private static string Format(string format, List<object?> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
            var verb = format[++i];
            if (verb == '%') { sb.Append('%'); continue; }
            if (verb is not ('s' or 'd' or 'v') || next >= args.Count) throw new FormatException();
            sb.Append(IacValues.AsString(args[next++]));
        }
        return sb.ToString();
    }
}
