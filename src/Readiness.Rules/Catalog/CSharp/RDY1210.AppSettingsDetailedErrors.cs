using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>SHIELD-3: "DetailedErrors": true (or CircuitOptions:DetailedErrors) in configuration that reaches production.</summary>
public sealed class AppSettingsDetailedErrors : FileRule
{
    public override bool AppliesTo(SourceFile file) => AppSettingsFiles.IsProductionConfig(file) && file.Text.Contains("DetailedErrors", StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        if (AppSettingsFiles.Root(file) is not { } root) yield break;
        foreach (var (path, member) in AppSettingsFiles.AllMembers(root))
        {
            if (!member.Key.Equals("DetailedErrors", StringComparison.OrdinalIgnoreCase) || !IsOn(member.Value)) continue;
            var key = path.Length == 0 ? member.Key : path + ":" + member.Key;
            yield return context.AtLine(file, file.LineOf(member.KeyOffset),
                $"{key} is true in {file.Path} (used by {AppSettingsFiles.EnvironmentOf(file)}), so exception details reach clients; set it to false and keep it true only in appsettings.Development.json.",
                fingerprintKey: key);
        }
    }

    private static bool IsOn(Languages.JavaScript.JsonNode value) => value is Languages.JavaScript.JsonScalar { Value: true }
        || value is Languages.JavaScript.JsonScalar { Value: string s } && s.Equals("true", StringComparison.OrdinalIgnoreCase);
}
