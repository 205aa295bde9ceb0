using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Readiness.Rules.Languages.Hcl;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>
/// One instance of a Terraform module: its files, the values of its input variables, its locals and its child module
/// calls. Address prefix is "" for a root module and "module.rds." (or "module.db[\"primary\"].") for a child.
/// A resource instance, a for-expression or a dynamic block evaluates in a view of its module (<see cref="With"/>) that
/// adds symbols such as count, each or the for variables; locals and outputs are shared by every view.
/// </summary>
public sealed class TfModule
{
    private readonly TfModule? definition;
    private readonly Dictionary<string, object?> localValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);

    /// <param name="variables">Input values by name, computed on first use (a module input may read a sibling module's output).</param>
    public TfModule(string directory, string addressPrefix, IReadOnlyList<HclFile> files, IReadOnlyDictionary<string, Lazy<object?>> variables,
        TfDisk? fileSystem = null, string? rootDirectory = null)
    {
        Directory = directory;
        AddressPrefix = addressPrefix;
        Files = files;
        Variables = variables;
        FileSystem = fileSystem ?? TfDisk.None;
        RootDirectory = rootDirectory ?? directory;
        Symbols = ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal);
        foreach (var block in Files.SelectMany(f => f.Body.BlocksOf("locals")))
        {
            foreach (var attribute in block.Body.Attributes) Locals[attribute.Name] = attribute.Value;
        }
        foreach (var block in Files.SelectMany(f => f.Body.BlocksOf("output")))
        {
            if (block.Label(0) is { } name && block.Body.Attribute("value") is { } value) Outputs[name] = value.Value;
        }
    }

    private TfModule(TfModule definition, ImmutableDictionary<string, object?> symbols)
    {
        this.definition = definition;
        Directory = definition.Directory;
        AddressPrefix = definition.AddressPrefix;
        Files = definition.Files;
        Variables = definition.Variables;
        FileSystem = definition.FileSystem;
        RootDirectory = definition.RootDirectory;
        Locals = definition.Locals;
        Outputs = definition.Outputs;
        Children = definition.Children;
        Symbols = symbols;
    }

    /// <summary>Repository-relative directory of the module's files.</summary>
    public string Directory { get; }

    /// <summary>Repository-relative directory of the root module this instance belongs to (Terraform's working directory).</summary>
    public string RootDirectory { get; }

    public string AddressPrefix { get; }
    public IReadOnlyList<HclFile> Files { get; }
    public IReadOnlyDictionary<string, Lazy<object?>> Variables { get; }
    public TfDisk FileSystem { get; }
    public Dictionary<string, HclExpr> Locals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HclExpr> Outputs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TfModuleCall> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>Names bound in this view: count, each, for-expression variables, dynamic block iterators, templatefile variables.</summary>
    public ImmutableDictionary<string, object?> Symbols { get; }

    /// <summary>A view of this module with one more symbol.</summary>
    public TfModule With(string name, object? value) => new(definition ?? this, Symbols.SetItem(name, value));

    /// <summary>Where each input variable got its value (see <see cref="TerraformOrigins"/>).</summary>
    public IReadOnlyDictionary<string, TfVariableSource> VariableSources { get; init; } = new Dictionary<string, TfVariableSource>();

    internal object? Local(string name, TerraformEvaluator evaluator, string expression)
    {
        if (definition is not null) return definition.Local(name, evaluator, expression);
        lock (localValues)
        {
            if (localValues.TryGetValue(name, out var cached)) return cached;
            if (!Locals.TryGetValue(name, out var expr) || !evaluating.Add(name)) return new IacUnknown(expression);
            var value = evaluator.Eval(expr, this);
            evaluating.Remove(name);
            return localValues[name] = value;
        }
    }
}

/// <summary>A module block: one instance, or with count / for_each one instance per key ("0", "primary").</summary>
public sealed record TfModuleCall(string Address, TfModule? Single, IReadOnlyDictionary<string, TfModule> Instances);

/// <summary>
/// Files a Terraform evaluation reads beyond the walked ones: file(), fileexists() and templatefile() arguments and the
/// modules `terraform init` put under .terraform/modules. Paths are repository-relative; nothing outside the scanned
/// tree is read (null).
/// </summary>
public sealed class TfDisk(Func<string, string?> read, Func<string, IReadOnlyList<string>> listTerraformFiles)
{
    public static TfDisk None { get; } = new(_ => null, _ => []);

    /// <summary>Reads under <paramref name="root"/>, refusing absolute paths and paths that leave it.</summary>
    public static TfDisk Under(string root)
    {
        var full = Path.GetFullPath(root);
        string? Inside(string relative)
        {
            if (relative.StartsWith('/') || relative.StartsWith("../", StringComparison.Ordinal) || relative == "..") return null;
            var path = Path.GetFullPath(Path.Combine(full, relative));
            return path.StartsWith(full, StringComparison.Ordinal) ? path : null;
        }
        return new TfDisk(
            relative =>
            {
                var path = Inside(relative);
                try
                {
                    return path is not null && File.Exists(path) && new FileInfo(path).Length <= 5 * 1024 * 1024 ? File.ReadAllText(path) : null;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return null;
                }
            },
            relative =>
            {
                var path = Inside(relative);
                if (path is null || !System.IO.Directory.Exists(path)) return [];
                return System.IO.Directory.EnumerateFiles(path, "*.tf").Order(StringComparer.Ordinal)
                    .Select(f => (relative == "." ? "" : relative + "/") + Path.GetFileName(f)).ToList();
            });
    }

    public string? Read(string path) => read(path);

    public IReadOnlyList<string> ListTerraformFiles(string directory) => listTerraformFiles(directory);
}

/// <summary>
/// Evaluates HCL expressions in a module: literals, templates (with %{if} and %{for}), for-expressions, splats,
/// var / local / module outputs, count / each, operators, conditionals and the Terraform functions real modules use
/// (<see cref="TerraformFunctions"/>). Whatever it cannot compute becomes a <see cref="IacUnknown"/> naming the
/// expression, never an exception; what Terraform would reject (a missing key, a bad argument) is an unknown marked
/// <see cref="IacUnknown.Failed"/>, which try() and can() skip. Resource references keep the referenced address.
/// </summary>
public sealed class TerraformEvaluator
{
    public static TerraformEvaluator Instance { get; } = new();

    /// <summary>Never throws: an expression that cannot be evaluated is unknown.</summary>
    public object? Eval(HclExpr expr, TfModule module)
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return expr switch
            {
                HclLiteral literal => literal.Value,
                HclTemplate template => Template(template, module),
                HclTuple tuple => tuple.Items.Select(i => Eval(i, module)).ToList(),
                HclObject obj => Object(obj, module),
                HclConditional c => Conditional(c, module),
                HclBinary b => Binary(b, module),
                HclUnary u => Unary(u, module),
                HclCall call => Call(call, module),
                HclFor f => For(f, module),
                HclVariable or HclGetAttr or HclIndex or HclSplat => Finish(Access(expr, module), expr),
                _ => new IacUnknown(expr.Text),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new IacUnknown(expr.Text, Failed: true);
        }
    }

    /// <summary>An unknown for <paramref name="expr"/> that keeps the first reference and the failure of its inputs.</summary>
    private static IacUnknown Unknown(HclExpr expr, params object?[] inputs)
    {
        var unknowns = inputs.SelectMany(IacValues.Unknowns).ToList();
        return new IacUnknown(expr.Text, unknowns.Select(u => u.Reference).FirstOrDefault(r => r is not null), unknowns.Any(u => u.Failed));
    }

    private object? Object(HclObject obj, TfModule module)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var item in obj.Items)
        {
            // A bare key is its own name; (expr) or var.x keys are evaluated.
            var keyValue = item.Key is HclVariable v ? v.Name : Eval(item.Key, module);
            if (IacValues.AsString(keyValue) is not { } key) return Unknown(obj, keyValue);
            map[key] = Eval(item.Value, module);
        }
        return map;
    }

    private object? Template(HclTemplate template, TfModule module)
    {
        if (template.Parts.Count == 1 && template.Parts[0] is HclExpr only and not (HclTemplateIf or HclTemplateFor)) return Eval(only, module);
        var sb = new StringBuilder();
        return Render(template.Parts, module, sb) is { } unknown ? new IacUnknown(template.Text, unknown.Reference, unknown.Failed) : sb.ToString();
    }

    /// <summary>Appends the parts; returns the first unknown that stops the rendering, or null when it is complete.</summary>
    private IacUnknown? Render(IReadOnlyList<object> parts, TfModule module, StringBuilder sb)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case string s:
                    sb.Append(s);
                    break;
                case HclTemplateIf directive:
                    var condition = Eval(directive.Condition, module);
                    if (IacValues.AsBool(condition) is not { } known) return Unknown(directive, condition);
                    if (Render(known ? directive.WhenTrue : directive.WhenFalse, module, sb) is { } inBranch) return inBranch;
                    break;
                case HclTemplateFor loop:
                    var collection = Eval(loop.Collection, module);
                    if (Elements(collection) is not { } elements) return Unknown(loop, collection);
                    foreach (var (key, value) in elements)
                    {
                        var scope = module.With(loop.ValueVar, value);
                        if (loop.KeyVar is { } keyVar) scope = scope.With(keyVar, key);
                        if (Render(loop.Body, scope, sb) is { } inLoop) return inLoop;
                    }
                    break;
                case HclExpr expr:
                    var evaluated = Eval(expr, module);
                    if (IacValues.AsString(evaluated) is not { } text) return evaluated is null ? new IacUnknown(expr.Text, Failed: true) : Unknown(expr, evaluated);
                    sb.Append(text);
                    break;
            }
        }
        return null;
    }

    /// <summary>The (key, value) pairs a for-expression iterates: list index or map key (maps in key order); null when unknown.</summary>
    internal static List<(object? Key, object? Value)>? Elements(object? collection) => collection switch
    {
        List<object?> list => list.Select((v, i) => ((object?)(decimal)i, v)).ToList(),
        Dictionary<string, object?> map => map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => ((object?)kv.Key, kv.Value)).ToList(),
        _ => null,
    };

    private object? For(HclFor f, TfModule module)
    {
        var collection = Eval(f.Collection, module);
        if (Elements(collection) is not { } elements) return Unknown(f, collection);
        var list = new List<object?>();
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in elements)
        {
            var scope = module.With(f.ValueVar, value);
            if (f.KeyVar is { } keyVar) scope = scope.With(keyVar, key);
            if (f.Condition is not null)
            {
                var keep = Eval(f.Condition, scope);
                if (IacValues.AsBool(keep) is not { } known) return Unknown(f, keep);
                if (!known) continue;
            }
            var item = Eval(f.ValueExpr, scope);
            if (f.KeyExpr is null)
            {
                list.Add(item);
                continue;
            }
            var itemKey = Eval(f.KeyExpr, scope);
            if (IacValues.AsString(itemKey) is not { } k) return Unknown(f, itemKey);
            if (f.Grouping)
            {
                if (!map.TryGetValue(k, out var group)) map[k] = group = new List<object?>();
                ((List<object?>)group!).Add(item);
            }
            else if (!map.TryAdd(k, item)) return new IacUnknown(f.Text, Failed: true); // duplicate key: an error in Terraform
        }
        return f.KeyExpr is null ? list : map;
    }

    private object? Conditional(HclConditional c, TfModule module)
    {
        var conditionValue = Eval(c.Condition, module);
        var condition = IacValues.AsBool(conditionValue);
        if (condition is { } known) return Eval(known ? c.WhenTrue : c.WhenFalse, module);
        // Both branches equal: the condition does not matter.
        var a = Eval(c.WhenTrue, module);
        var b = Eval(c.WhenFalse, module);
        return IacValues.IsKnown(a) && IacValues.IsKnown(b) && IacValues.ToJson(a) == IacValues.ToJson(b) ? a : Unknown(c, conditionValue);
    }

    private object? Unary(HclUnary u, TfModule module)
    {
        var value = Eval(u.Operand, module);
        return u.Op switch
        {
            "!" when IacValues.AsBool(value) is { } b => !b,
            "-" when IacValues.AsNumber(value) is { } d => -d,
            _ => Unknown(u, value),
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
            if (r is null) return Unknown(b, left, right);
            if (b.Op == "&&" && r == false) return false;
            if (b.Op == "||" && r == true) return true;
            return IacValues.AsBool(left) is { } l ? l : Unknown(b, left, right);
        }
        // An object or a tuple is not null even while some of its members are unknown (var.access_logs != null with
        // access_logs = { bucket = module.logs.id }): the comparison is decided, so a dynamic block over it expands.
        if (b.Op is "==" or "!=" && (left, right) is (null, Dictionary<string, object?> or List<object?>) or (Dictionary<string, object?> or List<object?>, null))
            return b.Op == "!=";
        if (!IacValues.IsKnown(left) || !IacValues.IsKnown(right)) return Unknown(b, left, right);
        if (b.Op is "==" or "!=")
        {
            var equal = IacValues.Equal(left, right);
            return b.Op == "==" ? equal : !equal;
        }
        if (IacValues.AsNumber(left) is not { } ln || IacValues.AsNumber(right) is not { } rn) return new IacUnknown(b.Text, Failed: true);
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
            _ => new IacUnknown(b.Text, Failed: true),
        };
    }

    // ---------- references ----------

    /// <summary>A name that is not a value by itself: var, local, module, path, data, a resource type and its steps.</summary>
    private sealed record Namespace(string Kind, string? Type = null);

    /// <summary>The elements of a splat: attributes and indexes that follow apply to each.</summary>
    private sealed record Spread(List<object?> Items);

    private object? Access(HclExpr expr, TfModule module) => expr switch
    {
        HclVariable v => Root(v, module),
        HclGetAttr g => GetAttr(Access(g.Target, module), g, module),
        HclIndex i => Index(Access(i.Target, module), i, module),
        HclSplat s => Access(s.Target, module) switch
        {
            Spread spread => spread,
            TfModuleCall call when call.Single is null => new Spread(call.Instances.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (object?)kv.Value).ToList()),
            TfModuleCall call => new Spread([call.Single]),
            List<object?> list => new Spread(list),
            null => new Spread([]),
            IacUnknown u => new IacUnknown(s.Text, u.Reference, u.Failed),
            Namespace ns => new IacUnknown(s.Text, ns.Kind is "resource" or "data" or "instance" ? ns.Type : null),
            var single => new Spread([single]),
        },
        _ => Eval(expr, module),
    };

    /// <summary>Turns what a traversal reached into a value.</summary>
    private static object? Finish(object? value, HclExpr expr) => value switch
    {
        Spread spread => spread.Items.Select(i => Finish(i, expr)).ToList(),
        Namespace { Kind: "resource" or "data" or "instance" } ns => new IacUnknown(expr.Text, ns.Type),
        Namespace => new IacUnknown(expr.Text),
        TfModuleCall call => new IacUnknown(expr.Text, call.Address),
        TfModule instance => new IacUnknown(expr.Text, instance.AddressPrefix.TrimEnd('.')),
        _ => value,
    };

    private object? Root(HclVariable v, TfModule module)
    {
        if (module.Symbols.TryGetValue(v.Name, out var symbol)) return symbol;
        return v.Name switch
        {
            "var" or "local" or "module" or "path" or "data" or "terraform" => new Namespace(v.Name),
            "count" or "each" or "self" => new IacUnknown(v.Text),
            // aws_security_group.app refers to a resource of this module.
            _ when v.Name.Contains('_') => new Namespace("resource-type", v.Name),
            _ => new IacUnknown(v.Text),
        };
    }

    private object? GetAttr(object? target, HclGetAttr g, TfModule module)
    {
        var name = g.Name;
        switch (target)
        {
            case Spread spread:
                return new Spread(spread.Items.Select(i => GetAttr(i, g, module)).ToList());
            case Namespace { Kind: "var" }:
                return module.Variables.TryGetValue(name, out var variable) ? variable.Value : new IacUnknown("var." + name, Failed: true);
            case Namespace { Kind: "local" }:
                return module.Local(name, this, "local." + name);
            case Namespace { Kind: "module" }:
                return module.Children.TryGetValue(name, out var call) ? call : new IacUnknown(g.Text, module.AddressPrefix + "module." + name);
            case Namespace { Kind: "path" }:
                return name switch
                {
                    "module" => TerraformFunctions.RelativePath(module.RootDirectory, module.Directory),
                    "root" or "cwd" => ".",
                    _ => new IacUnknown(g.Text, Failed: true),
                };
            case Namespace { Kind: "data", Type: null }:
                return new Namespace("data-type", name);
            case Namespace { Kind: "data-type", Type: { } dataType }:
                return new Namespace("data", $"{module.AddressPrefix}data.{dataType}.{name}");
            case Namespace { Kind: "resource-type", Type: { } resourceType }:
                return new Namespace("resource", $"{module.AddressPrefix}{resourceType}.{name}");
            case Namespace { Kind: "resource" or "data" or "instance", Type: { } address }:
                return new IacUnknown(g.Text, address);
            case Namespace:
                return new IacUnknown(g.Text);
            case TfModuleCall { Single: { } single }:
                return Output(single, name, g);
            case TfModuleCall moduleCall:
                return new IacUnknown(g.Text, moduleCall.Address);
            case TfModule instance:
                return Output(instance, name, g);
            case IacUnknown u:
                return new IacUnknown(g.Text, u.Reference, u.Failed);
            case Dictionary<string, object?> map:
                return map.TryGetValue(name, out var found) ? found : new IacUnknown(g.Text, Failed: true);
            default:
                return new IacUnknown(g.Text, Failed: true);
        }
    }

    private object? Output(TfModule instance, string name, HclExpr expr) =>
        instance.Outputs.TryGetValue(name, out var output) ? Eval(output, instance) : new IacUnknown(expr.Text, Failed: true);

    private object? Index(object? target, HclIndex i, TfModule module)
    {
        var key = Eval(i.Key, module);
        // Terraform rejects a null key whatever it indexes ("Can't use a null value as an indexing key"), so
        // try(aws_x.this[var.key].id, null) with no key is null.
        if (key is null) return new IacUnknown(i.Text, Failed: true);
        switch (target)
        {
            case Spread spread:
                return new Spread(spread.Items.Select(item => IndexValue(item, key, i)).ToList());
            case Namespace { Kind: "resource" or "data", Type: { } address }:
                // aws_instance.web[0] and aws_instance.web["a"] are instance addresses.
                return IacValues.IsKnown(key) && InstanceKey(key) is { } suffix
                    ? new Namespace("instance", address + suffix)
                    : new IacUnknown(i.Text, address);
            case Namespace { Kind: "instance", Type: { } address }:
                return new IacUnknown(i.Text, address);
            case TfModuleCall call:
                var instanceSuffix = InstanceKey(key);
                return instanceSuffix is not null && call.Instances.TryGetValue(KeyText(key)!, out var instance)
                    ? instance
                    : new IacUnknown(i.Text, call.Address + (instanceSuffix ?? ""), Failed: IacValues.IsKnown(key) && call.Single is not null);
            default:
                return IndexValue(target, key, i);
        }
    }

    private static object? IndexValue(object? target, object? key, HclIndex i) => (target, key) switch
    {
        (IacUnknown u, _) => new IacUnknown(i.Text, u.Reference, u.Failed),
        (_, IacUnknown k) => new IacUnknown(i.Text, null, k.Failed),
        (Dictionary<string, object?> map, _) when IacValues.AsString(key) is { } k => map.TryGetValue(k, out var found) ? found : new IacUnknown(i.Text, Failed: true),
        (List<object?> list, _) when IacValues.AsNumber(key) is { } d => d >= 0 && d < list.Count && d == Math.Floor(d) ? list[(int)d] : new IacUnknown(i.Text, Failed: true),
        (Namespace { Kind: "instance" or "resource" } ns, _) => new IacUnknown(i.Text, ns.Type),
        _ => new IacUnknown(i.Text, Failed: true),
    };

    /// <summary>The address suffix of an instance key: [0] or ["primary"].</summary>
    internal static string? InstanceKey(object? key) => key switch
    {
        decimal d => $"[{d.ToString(CultureInfo.InvariantCulture)}]",
        string s => $"[\"{s}\"]",
        _ => null,
    };

    internal static string? KeyText(object? key) => IacValues.AsString(key);

    // ---------- functions ----------

    private object? Call(HclCall call, TfModule module)
    {
        switch (call.Name)
        {
            case "try":
                // The first argument that is not an error, known or not: an unknown stays unknown.
                foreach (var arg in call.Args)
                {
                    var value = Eval(arg, module);
                    if (!IacValues.HasFailure(value)) return value;
                }
                return new IacUnknown(call.Text, Failed: true);
            case "coalesce":
                // As Terraform: the first argument that is neither null nor "", once every argument before it is known,
                // so coalesce(var.id, aws_x.this[k].id) is var.id whatever the later arguments are.
                foreach (var arg in call.Args)
                {
                    var value = Eval(arg, module);
                    if (value is IacUnknown || IacValues.HasFailure(value)) return Unknown(call, value);
                    if (value is not (null or string { Length: 0 })) return value;
                }
                return new IacUnknown(call.Text, Failed: true);
            case "can":
                if (call.Args.Count != 1) return new IacUnknown(call.Text, Failed: true);
                var tried = Eval(call.Args[0], module);
                return IacValues.HasFailure(tried) ? false : IacValues.IsKnown(tried) ? true : Unknown(call, tried);
            case "templatefile" when call.Args.Count == 2:
                return TemplateFile(call, module);
        }
        var args = call.Args.Select(a => Eval(a, module)).ToList();
        if (args.Any(IacValues.HasFailure)) return Unknown(call, [.. args]);
        // Structural functions work on lists and maps whose elements may be unknown; the others need known values.
        var ready = TerraformFunctions.Structural.Contains(call.Name)
            ? args.All(a => a is not IacUnknown)
            : args.All(IacValues.IsKnown);
        if (!ready) return Unknown(call, [.. args]);
        try
        {
            return TerraformFunctions.Call(call.Name, args, module);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new IacUnknown(call.Text, Failed: ex is not TerraformFunctions.UnknownResult);
        }
    }

    private object? TemplateFile(HclCall call, TfModule module)
    {
        var path = Eval(call.Args[0], module);
        var variables = Eval(call.Args[1], module);
        if (IacValues.AsString(path) is not { } p || variables is not Dictionary<string, object?> vars) return Unknown(call, path, variables);
        var text = module.FileSystem.Read(TerraformFunctions.Resolve(module, p));
        if (text is null) return new IacUnknown(call.Text, Failed: true);
        HclTemplate template;
        try
        {
            template = HclParser.ParseTemplate(text);
        }
        catch (FormatException)
        {
            return new IacUnknown(call.Text, Failed: true);
        }
        var scope = module;
        foreach (var (k, v) in vars) scope = scope.With(k, v);
        var result = Template(template, scope);
        return result is IacUnknown u ? new IacUnknown(call.Text, u.Reference, u.Failed) : result;
    }

    // ---------- type constraints ----------

    /// <summary>Applies optional(type, default) attribute defaults of a variable's type constraint to its value.</summary>
    public object? ApplyTypeDefaults(HclExpr? type, object? value, TfModule module)
    {
        if (type is not HclCall call || call.Args.Count == 0) return value;
        switch (call.Name)
        {
            case "object" when call.Args[0] is HclObject shape && value is Dictionary<string, object?> map:
                var result = new Dictionary<string, object?>(map, StringComparer.Ordinal);
                foreach (var item in shape.Items)
                {
                    if (item.Key is not (HclLiteral { Value: string } or HclVariable)) continue;
                    var name = item.Key is HclVariable v ? v.Name : (string)((HclLiteral)item.Key).Value!;
                    var attributeType = item.Value;
                    if (attributeType is HclCall { Name: "optional" } optional && optional.Args.Count > 0)
                    {
                        attributeType = optional.Args[0];
                        if ((!result.TryGetValue(name, out var present) || present is null))
                            result[name] = optional.Args.Count > 1 ? Eval(optional.Args[1], module) : null;
                    }
                    if (result.TryGetValue(name, out var attribute)) result[name] = ApplyTypeDefaults(attributeType, attribute, module);
                }
                return result;
            case "map" when value is Dictionary<string, object?> map:
                return map.ToDictionary(kv => kv.Key, kv => ApplyTypeDefaults(call.Args[0], kv.Value, module), StringComparer.Ordinal);
            case "list" or "set" when value is List<object?> list:
                return list.Select(x => ApplyTypeDefaults(call.Args[0], x, module)).ToList();
            default:
                return value;
        }
    }
}
