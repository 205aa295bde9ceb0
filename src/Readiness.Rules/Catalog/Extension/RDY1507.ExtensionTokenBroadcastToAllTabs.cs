using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>CSEC-44: chrome.tabs.query({}) over every tab followed by tabs.sendMessage carrying a token.</summary>
public sealed class ExtensionTokenBroadcastToAllTabs : FileRule
{
    public override bool AppliesTo(SourceFile file) => BrowserExtension.IsExtensionScript(file)
        && file.Text.Contains("tabs.query", StringComparison.Ordinal) && file.Text.Contains("tabs.sendMessage", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = JsDocument.Parse(file);
        var calls = doc.Calls().ToList();
        var everyTab = calls.Where(c => c.Callee.EndsWith("tabs.query", StringComparison.Ordinal) && c.Args.Count > 0 && QueriesEveryTab(doc, c.Args[0])).ToList();
        if (everyTab.Count == 0) yield break;
        foreach (var send in calls.Where(c => c.Callee.EndsWith("tabs.sendMessage", StringComparison.Ordinal) && c.Args.Count >= 2 && c.Open > everyTab[0].Open))
        {
            var name = BrowserExtension.AuthDataIn(doc, new JsRange(send.Args[1].Start, send.Close));
            if (name is null) continue;
            yield return context.AtLine(file, doc.LineOf(send.Open),
                $"{file.Path} sends '{name}' with tabs.sendMessage to every tab returned by tabs.query({{}}), so the content script in any open site receives it; send it only to tabs of your own origin (tabs.query({{ url: \"https://app.example.com/*\" }})) or not at all.",
                fingerprintKey: "broadcast:" + name);
        }
    }

    // {} or an object without a url filter: every tab in every window.
    private static bool QueriesEveryTab(JsDocument doc, JsRange filter)
    {
        if (!doc[filter.Start].Is("{")) return false;
        return !doc.ObjectProperties(filter).Any(p => p.Key is "url" or "active" or "currentWindow" or "lastFocusedWindow" or "windowId" or "highlighted");
    }
}
