using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Readiness.Runner.Sources.Iac;

/// <summary>
/// A value the evaluator could not compute, with the source expression that names it and, when the expression refers to
/// a resource (aws_wafv2_web_acl.main.arn), that resource's address so the mapper can still link the two.
/// Evaluated values are otherwise plain: string, decimal (the one number type), bool, null, List&lt;object?&gt;,
/// Dictionary&lt;string, object?&gt;. <paramref name="Failed"/> marks what Terraform itself would reject (a missing map key,
/// an index out of range, a bad function argument): try() moves past it, can() is false; for a rule it is unknown as well.
/// </summary>
public sealed record IacUnknown(string Expression, string? Reference = null, bool Failed = false);

public static class IacValues
{
    public static bool IsKnown(object? value) => value switch
    {
        IacUnknown => false,
        List<object?> list => list.All(IsKnown),
        Dictionary<string, object?> map => map.Values.All(IsKnown),
        _ => true,
    };

    /// <summary>The unknowns inside a value, outermost first.</summary>
    public static IEnumerable<IacUnknown> Unknowns(object? value) => value switch
    {
        IacUnknown u => [u],
        List<object?> list => list.SelectMany(Unknowns),
        Dictionary<string, object?> map => map.Values.SelectMany(Unknowns),
        _ => [],
    };

    /// <summary>True when the value holds an error (see <see cref="IacUnknown.Failed"/>).</summary>
    public static bool HasFailure(object? value) => Unknowns(value).Any(u => u.Failed);

    /// <summary>Terraform equality of two known values: numbers by value (1 == 1.0), the rest by their JSON form.</summary>
    public static bool Equal(object? left, object? right) =>
        left is not bool && right is not bool && left is not string && right is not string && AsNumber(left) is { } x && AsNumber(right) is { } y
            ? x == y
            : ToJson(Normalize(left)) == ToJson(Normalize(right));

    /// <summary>Any CLR number as the one number type (decimal); lists and maps element by element.</summary>
    public static object? Normalize(object? value) => value switch
    {
        int or long or double or float or short or byte or uint or ulong => AsNumber(value),
        List<object?> list => list.Select(Normalize).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value), StringComparer.Ordinal),
        _ => value,
    };

    public static string? AsString(object? value) => value switch
    {
        string s => s,
        decimal d => Number(d),
        int or long or double or float => AsNumber(value) is { } n ? Number(n) : null,
        bool b => b ? "true" : "false",
        _ => null,
    };

    public static bool? AsBool(object? value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => null,
    };

    /// <summary>A number as Terraform prints it: 1, 1.5, never 1.0.</summary>
    private static string Number(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    public static decimal? AsNumber(object? value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double x when !double.IsNaN(x) && !double.IsInfinity(x) && Math.Abs(x) < 7.9e28 => (decimal)x,
        float x when !float.IsNaN(x) && !float.IsInfinity(x) && Math.Abs(x) < 7.9e28 => (decimal)x,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>Converts a JSON element (tfvars.json, plan JSON, jsondecode) into an evaluated value.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        _ => null,
    };

    /// <summary>jsonencode of a fully known value (the caller checks <see cref="IsKnown"/>).</summary>
    public static string ToJson(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: sb.Append(JsonSerializer.Serialize(s)); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case decimal or int or long or double or float: sb.Append(AsString(value)); break;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, list[i]);
                }
                sb.Append(']');
                break;
            case Dictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(JsonSerializer.Serialize(k)).Append(':');
                    Write(sb, v);
                }
                sb.Append('}');
                break;
            default: sb.Append(JsonSerializer.Serialize(value.ToString())); break;
        }
    }
}
