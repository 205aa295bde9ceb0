using System.Text.Json;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>
/// Reads the JSON of <c>terraform show -json plan.out</c>: the planned values are exact (variables, modules and
/// functions already applied by Terraform). Values known only after apply (a new group's id) are linked through the
/// configuration's references instead.
/// </summary>
public static class TerraformPlanReader
{
    /// <summary>True when the text looks like plan JSON (checked on the first characters, cheaply).</summary>
    public static bool LooksLikePlan(SourceFile file)
    {
        if (!file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return false;
        var head = file.Text.Length > 4096 ? file.Text[..4096] : file.Text;
        return head.Contains("\"format_version\"", StringComparison.Ordinal)
            && (file.Text.Contains("\"planned_values\"", StringComparison.Ordinal) || file.Text.Contains("\"resource_changes\"", StringComparison.Ordinal));
    }

    public static IReadOnlyList<IacResource> Read(SourceFile file)
    {
        using var doc = JsonDocument.Parse(file.Text, new JsonDocumentOptions { AllowTrailingCommas = true });
        var root = doc.RootElement.Clone();
        var expressions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("configuration", out var configuration) && configuration.TryGetProperty("root_module", out var configRoot))
            IndexConfiguration(configRoot, "", expressions);

        var result = new List<IacResource>();
        if (root.TryGetProperty("planned_values", out var planned) && planned.TryGetProperty("root_module", out var module))
        {
            ReadModule(module, file.Path, expressions, result);
        }
        else if (root.TryGetProperty("resource_changes", out var changes))
        {
            foreach (var change in changes.EnumerateArray())
            {
                if (!change.TryGetProperty("change", out var c) || !c.TryGetProperty("after", out var after) || after.ValueKind != JsonValueKind.Object) continue;
                if (Resource(change, after, file.Path, expressions) is { } r) result.Add(r);
            }
        }
        return result;
    }

    private static void ReadModule(JsonElement module, string path, Dictionary<string, JsonElement> expressions, List<IacResource> result)
    {
        if (module.TryGetProperty("resources", out var resources))
        {
            foreach (var r in resources.EnumerateArray())
            {
                if (r.TryGetProperty("values", out var values) && Resource(r, values, path, expressions) is { } resource) result.Add(resource);
            }
        }
        if (module.TryGetProperty("child_modules", out var children))
        {
            foreach (var child in children.EnumerateArray()) ReadModule(child, path, expressions, result);
        }
    }

    private static IacResource? Resource(JsonElement r, JsonElement values, string path, Dictionary<string, JsonElement> expressions)
    {
        var address = r.GetProperty("address").GetString()!;
        var type = r.GetProperty("type").GetString()!;
        var name = r.GetProperty("name").GetString()!;
        var isData = r.TryGetProperty("mode", out var mode) && mode.GetString() == "data";
        var unindexed = StripIndexes(address);
        var modulePrefix = unindexed[..unindexed.LastIndexOf((isData ? "data." : "") + type + "." + name, StringComparison.Ordinal)];
        expressions.TryGetValue(unindexed, out var config);
        IacUnknown? Reference(string attribute)
        {
            if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty(attribute, out var expr) || expr.ValueKind != JsonValueKind.Object
                || !expr.TryGetProperty("references", out var refs) || refs.GetArrayLength() == 0) return null;
            var reference = refs[0].GetString()!;
            var parts = reference.Split('.');
            var target = parts[0] == "data" && parts.Length >= 3 ? string.Join('.', parts[..3])
                : parts[0] == "module" && parts.Length >= 2 ? string.Join('.', parts[..2])
                : parts.Length >= 2 ? string.Join('.', parts[..2]) : reference;
            return new IacUnknown(reference, modulePrefix + StripIndexes(target));
        }
        return new IacResource(type, name, address, path, 0, new JsonIacBody(values, Reference), Origin.TerraformPlan, isData, modulePrefix);
    }

    private static void IndexConfiguration(JsonElement module, string prefix, Dictionary<string, JsonElement> expressions)
    {
        if (module.TryGetProperty("resources", out var resources))
        {
            foreach (var r in resources.EnumerateArray())
            {
                if (r.TryGetProperty("address", out var address) && r.TryGetProperty("expressions", out var expr))
                    expressions[prefix + address.GetString()] = expr;
            }
        }
        if (module.TryGetProperty("module_calls", out var calls))
        {
            foreach (var call in calls.EnumerateObject())
            {
                if (call.Value.TryGetProperty("module", out var child)) IndexConfiguration(child, $"{prefix}module.{call.Name}.", expressions);
            }
        }
    }

    private static string StripIndexes(string address)
    {
        var sb = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in address)
        {
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }
}
