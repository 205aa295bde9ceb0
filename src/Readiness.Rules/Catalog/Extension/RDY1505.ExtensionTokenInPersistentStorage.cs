using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>CSEC-43: auth tokens written in clear to chrome.storage.local/sync or localStorage by extension code.</summary>
public sealed class ExtensionTokenInPersistentStorage : FileRule
{
    public override bool AppliesTo(SourceFile file) => BrowserExtension.IsExtensionScript(file)
        && (file.Text.Contains("storage.local", StringComparison.Ordinal) || file.Text.Contains("storage.sync", StringComparison.Ordinal)
            || file.Text.Contains("localStorage", StringComparison.Ordinal));

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = JsDocument.Parse(file);
        foreach (var call in doc.Calls())
        {
            var area = call.Callee switch
            {
                var c when c.EndsWith("storage.local.set", StringComparison.Ordinal) => "chrome.storage.local",
                var c when c.EndsWith("storage.sync.set", StringComparison.Ordinal) => "chrome.storage.sync",
                var c when c.EndsWith("localStorage.setItem", StringComparison.Ordinal) => "localStorage",
                _ => null,
            };
            if (area is null || call.Args.Count == 0) continue;
            var stored = area == "localStorage"
                ? (call.Args.Count == 2 && doc.StringValue(call.Args[0]) is { } itemKey && BrowserExtension.IsAuthDataName(itemKey) ? [(itemKey, call.Args[0].Start, call.Args[1])] : [])
                : doc.ObjectProperties(call.Args[0]).Where(p => BrowserExtension.IsAuthDataName(p.Key)).Select(p => (p.Key, p.KeyIndex, p.Value)).ToList();
            foreach (var (key, index, value) in stored)
            {
                if (doc.Text(value).Contains("encrypt", StringComparison.OrdinalIgnoreCase)) continue;
                yield return context.AtLine(file, doc.LineOf(index),
                    $"{file.Path} stores '{key}' in {area} in clear text, where it stays on disk{(area == "chrome.storage.sync" ? ", syncs to every browser of the account" : "")} and is readable by any code running in the extension; keep tokens in chrome.storage.session (memory only) or encrypt them with a non-extractable WebCrypto key.",
                    fingerprintKey: area + ":" + key);
            }
        }
    }
}
