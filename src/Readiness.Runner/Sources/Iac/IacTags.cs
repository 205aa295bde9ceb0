namespace Readiness.Runner.Sources.Iac;

/// <summary>Resource tags as Terraform (a map) and CloudFormation (a list of Key/Value) declare them; unknown values are left out.</summary>
public static class IacTags
{
    public static IReadOnlyDictionary<string, string> Terraform(IacResource r) =>
        r.Body.Get("tags") is Dictionary<string, object?> tags
            ? tags.Where(t => t.Value is string).ToDictionary(t => t.Key, t => (string)t.Value!)
            : new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> CloudFormation(IacResource r) =>
        r.Body.Get("Tags") is List<object?> tags
            ? tags.OfType<Dictionary<string, object?>>()
                .Where(t => t.GetValueOrDefault("Key") is string && t.GetValueOrDefault("Value") is string)
                .GroupBy(t => (string)t["Key"]!)
                .ToDictionary(g => g.Key, g => (string)g.Last()["Value"]!)
            : new Dictionary<string, string>();
}
