using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>CSEC-45: host permissions for every site (&lt;all_urls&gt;, *://*/*) where the extension needs only its own API.</summary>
public sealed class ExtensionBroadHostPermissions : FileRule
{
    public override bool AppliesTo(SourceFile file) => file.Name.Equals("manifest.json", StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        if (BrowserExtension.Manifest(file) is not { } manifest) yield break;
        foreach (var key in new[] { "host_permissions", "permissions", "optional_host_permissions" })
        {
            if (manifest[key] is not JsonArray list) continue;
            foreach (var item in list.Items.OfType<JsonScalar>())
            {
                if (item.Value is not string pattern || !BrowserExtension.MatchesEverySite(pattern)) continue;
                yield return context.AtLine(file, file.LineOf(item.Offset),
                    $"The extension manifest {file.Path} asks for {key} \"{pattern}\", which lets it read and change every site the user visits; list only the hosts it calls (\"https://api.example.com/*\") and use activeTab for the current page.",
                    fingerprintKey: key + ":" + pattern);
            }
        }
    }
}
