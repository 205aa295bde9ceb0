using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Cloud;

/// <summary>Shared steps of the cloud rules: judge a value that may be unresolved, and point a finding at a line.</summary>
internal static class CloudJudge
{
    /// <summary>
    /// An undecided finding when <paramref name="value"/> is unresolved, the finding from <paramref name="fail"/> when it is
    /// known and <paramref name="isBad"/>, nothing otherwise.
    /// </summary>
    public static IEnumerable<Finding> Judge<T>(RuleContext context, CloudResource resource, Value<T> value, string attribute,
        string whatIsAsked, Func<T?, bool> isBad, Func<Finding> fail)
    {
        if (!value.IsKnown) yield return context.Undecided(resource, attribute, value.Expression, whatIsAsked);
        else if (isBad(value.Known)) yield return fail();
    }

    /// <summary>Moves a finding to a given line of the resource's file (an ingress rule, a cache behavior).</summary>
    public static Finding At(this Finding finding, int line) =>
        line > 0 && finding.Location.File is { } file
            ? finding with { Location = finding.Location with { File = file with { StartLine = line, EndLine = line } } }
            : finding;

    /// <summary>The resource whose file a finding points at: itself for IaC, its linked definition for a live resource.</summary>
    public static T DefinedBy<T>(this T resource) where T : CloudResource =>
        resource.Provenance.File is null && resource.Definition is T definition ? definition : resource;

    /// <summary>"RDS DB instance", "RDS DB cluster": the kind of resource, for messages.</summary>
    public static string Kind(this DbInstance db) => db.IsCluster ? "RDS DB cluster" : "RDS DB instance";

    /// <summary>Any address: a /0 prefix in any textual form (0.0.0.0/0, ::/0, 0:0:0:0:0:0:0:0/0, 0000:...:0000/0).</summary>
    public static bool IsWorld(string cidr) =>
        cidr.Trim() is var c && c.EndsWith("/0", StringComparison.Ordinal) && System.Net.IPAddress.TryParse(c[..^2], out _);

    /// <summary>True when a tag or the resource's name marks it as production ("prod", "production", "prd").</summary>
    public static bool IsProduction(CloudResource resource) =>
        IsProduction(resource.Tags, resource.Provenance.IsLive ? resource.Id : resource.Id + " " + resource.Provenance.Address);

    /// <summary>True when a tag or a name marks something as production: a resource, or a part of one (an API stage named "prod").</summary>
    public static bool IsProduction(IReadOnlyDictionary<string, string> tags, string name)
    {
        foreach (var (key, value) in tags)
        {
            if (key.ToLowerInvariant() is "environment" or "env" or "stage" or "tier" && IsProductionWord(value)) return true;
        }
        return name.Split(['-', '_', '.', ' ', '/', ':'], StringSplitOptions.RemoveEmptyEntries).Any(IsProductionWord);
    }

    private static bool IsProductionWord(string word) => word.ToLowerInvariant() is "prod" or "production" or "prd" or "live";
}
