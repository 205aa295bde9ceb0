using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Readiness.Runner.Sources.Iac;

/// <summary>
/// A value the evaluator could not compute, with the source expression that names it and, when the expression refers to
/// a resource (aws_wafv2_web_acl.main.arn), that resource's address so the mapper can still link the two.
/// Evaluated values are otherwise plain: string, decimal, bool, null, List&lt;object?&gt;, Dictionary&lt;string, object?&gt;.
/// </summary>
public sealed record IacUnknown(string Expression, string? Reference = null);

public static class IacValues
{
    public static bool IsKnown(object? value) => value switch
    {
        IacUnknown => false,
        List<object?> list => list.All(IsKnown),
        Dictionary<string, object?> map => map.Values.All(IsKnown),
        _ => true,
    };

    public static string? AsString(object? value) => value switch
    {
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => null,
    };

    public static bool? AsBool(object? value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => null,
    };

    public static decimal? AsNumber(object? value) => value switch
    {
        decimal d => d,
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
            case decimal d: sb.Append(d.ToString(CultureInfo.InvariantCulture)); break;
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
