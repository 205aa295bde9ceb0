using System.Text.Json;
using Readiness.Rules.Model;

namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// What Terraform state files (terraform.tfstate) and plan or show JSON (`terraform show -json`) in the scanned tree
/// say about deployed resources: each resource's address with its real id and ARN, so a live resource can be matched
/// to the code that defines it.
/// </summary>
public sealed class TerraformStateIndex
{
    private readonly Dictionary<string, string> addressById = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public static bool IsCandidate(SourceFile file) =>
        file.Path.EndsWith(".tfstate", StringComparison.OrdinalIgnoreCase)
        || (file.Language == Language.Json && file.Text.Contains("\"format_version\"", StringComparison.Ordinal) && file.Text.Contains("\"root_module\"", StringComparison.Ordinal));

    public string? AddressOf(string idOrArn)
    {
        lock (gate) return addressById.GetValueOrDefault(idOrArn);
    }

    public int Count { get { lock (gate) return addressById.Count; } }

    /// <summary>Reads one file; a file that does not parse is a coverage gap at its path.</summary>
    public void Add(SourceFile file, Coverage coverage)
    {
        try
        {
            using var doc = JsonDocument.Parse(file.Text);
            var root = doc.RootElement;
            if (root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array) FromState(resources);
            foreach (var key in new[] { "values", "planned_values", "prior_state" })
            {
                var values = key == "prior_state" && root.TryGetProperty(key, out var prior) ? prior.Obj("values") : root.Obj(key);
                if (values.ValueKind == JsonValueKind.Object) FromModule(values.Obj("root_module"));
            }
        }
        catch (JsonException e)
        {
            coverage.AddGap(new CoverageGap(EvidenceSource.Iac, file.Path, $"Terraform state or plan JSON does not parse: {e.Message}") { Line = (int)(e.LineNumber ?? 0) + 1 });
        }
    }

    // State v4: resources[] { module?, mode, type, name, instances[] { index_key?, attributes { id, arn } } }
    private void FromState(JsonElement resources)
    {
        foreach (var r in resources.EnumerateArray())
        {
            if (r.Str("mode") == "data") continue;
            var prefix = r.Str("module") is { } module ? module + "." : "";
            foreach (var instance in r.Arr("instances"))
            {
                var index = instance.TryGetProperty("index_key", out var key)
                    ? key.ValueKind == JsonValueKind.Number ? $"[{key.GetRawText()}]" : $"[\"{key.GetString()}\"]"
                    : "";
                Remember($"{prefix}{r.Str("type")}.{r.Str("name")}{index}", instance.Obj("attributes"));
            }
        }
    }

    // `terraform show -json`: values.root_module { resources[] { address, mode, values { id, arn } }, child_modules[] }
    private void FromModule(JsonElement module)
    {
        if (module.ValueKind != JsonValueKind.Object) return;
        foreach (var r in module.Arr("resources"))
        {
            if (r.Str("mode") != "data" && r.Str("address") is { } address) Remember(address, r.Obj("values"));
        }
        foreach (var child in module.Arr("child_modules")) FromModule(child);
    }

    private void Remember(string address, JsonElement attributes)
    {
        lock (gate)
        {
            foreach (var name in new[] { "id", "arn", "identifier", "name" })
            {
                if (attributes.Str(name) is { Length: > 0 } value) addressById.TryAdd(value, address);
            }
        }
    }
}
