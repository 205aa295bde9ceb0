using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>CSEC-42/45: externally_connectable open to every website or every extension.</summary>
public sealed class ExtensionExternallyConnectableOpen : FileRule
{
    public override bool AppliesTo(SourceFile file) => file.Name.Equals("manifest.json", StringComparison.OrdinalIgnoreCase)
        && file.Text.Contains("externally_connectable", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        if (BrowserExtension.Manifest(file)?["externally_connectable"] is not JsonObject connectable) yield break;
        if (connectable["matches"] is JsonArray matches)
        {
            foreach (var item in matches.Items.OfType<JsonScalar>().Where(i => i.Value is string p && BrowserExtension.MatchesEverySite(p)))
                yield return context.AtLine(file, file.LineOf(item.Offset),
                    $"externally_connectable.matches in {file.Path} contains \"{item.Value}\", so every website can send messages to the extension with chrome.runtime.sendMessage; list only your own web app's origin (\"https://app.example.com/*\").",
                    fingerprintKey: "matches:" + item.Value);
        }
        if (connectable["ids"] is JsonArray ids)
        {
            foreach (var item in ids.Items.OfType<JsonScalar>().Where(i => i.Value is "*"))
                yield return context.AtLine(file, file.LineOf(item.Offset),
                    $"externally_connectable.ids in {file.Path} is \"*\", so every installed extension can message this one; list the extension ids that need to.",
                    fingerprintKey: "ids:*");
        }
    }
}
