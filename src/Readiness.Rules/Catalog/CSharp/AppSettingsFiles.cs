using System.Text.RegularExpressions;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>
/// ASP.NET configuration files that reach production: appsettings.json (the base every environment loads) and
/// appsettings.{Environment}.json for any environment that <see cref="FileKind"/> does not call development, test or
/// example (Staging is judged like Production).
/// </summary>
internal static partial class AppSettingsFiles
{
    [GeneratedRegex(@"^appsettings(\.(?<env>[^.]+))?\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex Name();

    public static bool IsProductionConfig(SourceFile file)
    {
        // Asked of every file: only a name ending in 'n' (.json in any case) can match.
        return file.Path.Length > 0 && (file.Path[^1] | 0x20) == 'n' && Name().IsMatch(file.Name) && FileKind.Of(file).ReachesProduction;
    }

    /// <summary>The environment the file is for ("Production"), or "every environment" for appsettings.json.</summary>
    public static string EnvironmentOf(SourceFile file) =>
        Name().Match(file.Name).Groups["env"] is { Success: true } g ? g.Value : "every environment";

    public static JsonObject? Root(SourceFile file) => JsonTree.Parse(file) as JsonObject;

    /// <summary>Every member at any depth, depth-first, with its parent path ("", "CircuitOptions").</summary>
    public static IEnumerable<(string Path, JsonMember Member)> AllMembers(JsonObject root, string path = "")
    {
        foreach (var member in root.Members)
        {
            yield return (path, member);
            if (member.Value is JsonObject child)
            {
                foreach (var nested in AllMembers(child, path.Length == 0 ? member.Key : path + ":" + member.Key)) yield return nested;
            }
        }
    }
}
