using System.Globalization;

namespace Readiness.Rules.Languages.Python;

/// <summary>
/// The outcome of evaluating a settings expression with every environment variable unset: what the application gets
/// when the deployment forgets to set it. EnvVariable names the variable whose default decided it, if any.
/// </summary>
public sealed record PyOutcome(bool Known, object? Value, string? EnvVariable, PyExpr? DefaultExpr)
{
    public static readonly PyOutcome Unknown = new(false, null, null, null);
    public static PyOutcome Of(object? value) => new(true, value, null, null);
    public bool IsTruthy => Known && PyEvaluator.Truthy(Value);
}

/// <summary>
/// Evaluates the small part of Python that settings files use to read configuration: literals, os.environ/os.getenv,
/// django-environ (env, env.bool, env.list), python-decouple (config(..., cast=...)), string methods, bool/int/str,
/// comparisons, in, and/or/not. Anything else is unknown, and rules stay silent on unknowns.
/// </summary>
public static class PyEvaluator
{
    /// <summary>Sentinel for "the lookup raises when the variable is unset" (os.environ["X"], env("X") without default).</summary>
    public static readonly object Required = new();

    public static PyOutcome WithEnvUnset(PyExpr expr)
    {
        switch (expr)
        {
            case PyLiteral lit: return PyOutcome.Of(lit.Value);
            case PySequence seq:
                {
                    var items = new List<object?>();
                    foreach (var item in seq.Items)
                    {
                        var o = WithEnvUnset(item);
                        if (!o.Known) return PyOutcome.Unknown;
                        items.Add(o.Value);
                    }
                    return PyOutcome.Of(items);
                }
            case PySubscript { Target: PyName { Dotted: "os.environ" }, Index: PyLiteral { Value: string name } }:
                return new PyOutcome(true, Required, name, null);
            case PyCall call: return Call(call);
            case PyNot not:
                {
                    var o = WithEnvUnset(not.Operand);
                    return o.Known && o.Value != Required ? o with { Value = !Truthy(o.Value) } : PyOutcome.Unknown;
                }
            case PyBinary bin: return Binary(bin);
            default: return PyOutcome.Unknown;
        }
    }

    private static PyOutcome Call(PyCall call)
    {
        var fn = FunctionName(call.Function);
        // os.environ.get / os.getenv: the default, or None.
        if (fn is "os.environ.get" or "os.getenv" or "environ.get" or "getenv")
        {
            if (call.Args.Count == 0 || call.Args[0] is not PyLiteral { Value: string name }) return PyOutcome.Unknown;
            var defaultExpr = call.Args.Count > 1 ? call.Args[1] : call.Kwargs.GetValueOrDefault("default");
            if (defaultExpr is null) return new PyOutcome(true, null, name, null);
            var d = WithEnvUnset(defaultExpr);
            return d.Known ? new PyOutcome(true, d.Value, name, defaultExpr) : PyOutcome.Unknown;
        }
        // django-environ: env("X", default=...), env.bool("X", default=...), env.str, env.list; python-decouple: config("X", default=..., cast=...).
        if (fn is "env" or "env.str" or "env.bool" or "env.int" or "env.list" or "environ.Env" or "config" or "decouple.config")
        {
            if (call.Args.Count == 0 || call.Args[0] is not PyLiteral { Value: string name }) return PyOutcome.Unknown;
            var defaultExpr = call.Kwargs.GetValueOrDefault("default") ?? (fn.StartsWith("env", StringComparison.Ordinal) && call.Args.Count > 1 ? call.Args[1] : null);
            if (defaultExpr is null) return new PyOutcome(true, Required, name, null);
            var d = WithEnvUnset(defaultExpr);
            if (!d.Known) return PyOutcome.Unknown;
            var cast = fn switch { "env.bool" => "bool", "env.int" => "int", "env.list" => "list", _ => call.Kwargs.GetValueOrDefault("cast") is PyName c ? c.Dotted : null };
            var value = cast switch
            {
                "bool" => d.Value is string s ? s.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "on" or "y" or "t" : Truthy(d.Value),
                "list" or "Csv" or "Csv()" => d.Value is string s ? s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList() : d.Value,
                _ => d.Value,
            };
            if (call.Kwargs.GetValueOrDefault("cast") is PyCall { Function: PyName { Dotted: "Csv" } } && d.Value is string csv)
                value = csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList();
            return new PyOutcome(true, value, name, defaultExpr);
        }
        if (fn is "bool" or "int" or "str" && call.Args.Count == 1)
        {
            var o = WithEnvUnset(call.Args[0]);
            if (!o.Known || o.Value == Required) return o.Known ? o : PyOutcome.Unknown;
            object? converted = fn switch
            {
                "bool" => Truthy(o.Value),
                "int" => o.Value is double dv ? dv : o.Value is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
                _ => o.Value is bool b ? (b ? "True" : "False") : Convert.ToString(o.Value, CultureInfo.InvariantCulture),
            };
            return converted is null ? PyOutcome.Unknown : o with { Value = converted };
        }
        // String methods on a known value.
        if (call.Function is PyAttribute attr)
        {
            var target = WithEnvUnset(attr.Target);
            if (!target.Known || target.Value == Required) return target.Known ? target : PyOutcome.Unknown;
            if (target.Value is not string s) return PyOutcome.Unknown;
            object? result = attr.Name switch
            {
                "lower" or "casefold" => s.ToLowerInvariant(),
                "upper" => s.ToUpperInvariant(),
                "strip" => s.Trim(),
                "split" => (call.Args.Count > 0 && call.Args[0] is PyLiteral { Value: string sep }
                        ? s.Split(sep)
                        : s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Cast<object?>().ToList(),
                _ => null,
            };
            return result is null ? PyOutcome.Unknown : target with { Value = result };
        }
        return PyOutcome.Unknown;
    }

    private static PyOutcome Binary(PyBinary bin)
    {
        var left = WithEnvUnset(bin.Left);
        if (bin.Op == "or" && left.Known && left.Value != Required && !Truthy(left.Value))
        {
            var right = WithEnvUnset(bin.Right);
            return right with { EnvVariable = right.EnvVariable ?? left.EnvVariable, DefaultExpr = right.DefaultExpr ?? bin.Right };
        }
        if (bin.Op == "or" && left.Known) return left;
        if (bin.Op == "and" && left.Known && left.Value != Required) return Truthy(left.Value) ? WithEnvUnset(bin.Right) : left;
        var r = WithEnvUnset(bin.Right);
        if (!left.Known || !r.Known || left.Value == Required || r.Value == Required) return PyOutcome.Unknown;
        var env = left.EnvVariable ?? r.EnvVariable;
        object? value = bin.Op switch
        {
            "==" => PyEquals(left.Value, r.Value),
            "!=" => !PyEquals(left.Value, r.Value),
            "in" => r.Value is List<object?> list ? list.Any(x => PyEquals(x, left.Value)) : r.Value is string hay && left.Value is string needle ? hay.Contains(needle, StringComparison.Ordinal) : null,
            "not in" => r.Value is List<object?> list2 ? !list2.Any(x => PyEquals(x, left.Value)) : null,
            "+" when left.Value is string a && r.Value is string b => a + b,
            "+" when left.Value is List<object?> la && r.Value is List<object?> lb => la.Concat(lb).ToList(),
            _ => null,
        };
        return value is null ? PyOutcome.Unknown : new PyOutcome(true, value, env, left.DefaultExpr ?? r.DefaultExpr);
    }

    private static string? FunctionName(PyExpr function) => function switch
    {
        PyName n => n.Dotted,
        PyAttribute { Target: PyName t } a => t.Dotted + "." + a.Name,
        PyAttribute { Target: PyAttribute { Target: PyName t2 } inner } a2 => t2.Dotted + "." + inner.Name + "." + a2.Name,
        _ => null,
    };

    private static bool PyEquals(object? a, object? b) => a switch
    {
        null => b is null,
        double x when b is double y => x == y,
        bool x when b is bool y => x == y,
        string x when b is string y => x == y,
        _ => false,
    };

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> l => l.Count > 0,
        _ => value != Required,
    };
}
