using Readiness.Rules.Catalog.JavaScript;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>
/// CSEC-42: a runtime.onMessageExternal listener that never looks at its sender, or a runtime.onMessage listener that
/// does privileged work (storage, fetch, cookies, tabs, tokens) without looking at its sender.
/// </summary>
public sealed class ExtensionMessageSenderNotChecked : FileRule
{
    private static readonly HashSet<string> PrivilegedNames = ["storage", "cookies", "fetch", "scripting", "executeScript", "tabs", "downloads", "identity", "eval", "XMLHttpRequest", "axios"];

    public override bool AppliesTo(SourceFile file) => BrowserExtension.IsExtensionScript(file) && file.Text.Contains("onMessage", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = JsDocument.Parse(file);
        var functions = JsFiles.Functions(doc).ToList();
        foreach (var call in doc.Calls())
        {
            var external = call.Callee.EndsWith("runtime.onMessageExternal.addListener", StringComparison.Ordinal);
            var internalMessage = call.Callee.EndsWith("runtime.onMessage.addListener", StringComparison.Ordinal);
            if (!(external || internalMessage) || call.Args.Count == 0) continue;
            var handler = doc.FunctionAt(call.Args[0]) ?? NamedFunction(doc, functions, call.Args[0]);
            if (handler is null) continue;
            var sender = handler.Parameters.Count > 1 ? handler.Parameters[1] : null;
            if (sender is { Length: > 0 } && doc.Mentions(handler.Body, sender)) continue;
            if (!external && !DoesPrivilegedWork(doc, handler.Body)) continue;
            var evt = external ? "runtime.onMessageExternal" : "runtime.onMessage";
            yield return context.AtLine(file, doc.LineOf(call.Open),
                external
                    ? $"The {evt} listener in {file.Path} acts on messages without checking sender.origin or sender.id, so any website allowed by externally_connectable (or any extension) can drive it; return early unless sender.origin is your web app's origin."
                    : $"The {evt} listener in {file.Path} does privileged work (storage, network, tabs or tokens) without checking the sender, so a message from a compromised page's content script is trusted; check sender.id === chrome.runtime.id and sender.url/sender.origin before acting.",
                fingerprintKey: evt + ":" + doc.Text(call.Args[0]));
        }
    }

    // addListener(handleMessage) where function handleMessage(message, sender, sendResponse) { ... } is in the file.
    private static JsFunction? NamedFunction(JsDocument doc, List<JsFunction> functions, JsRange arg)
    {
        if (arg.End - arg.Start != 1 || doc[arg.Start].Kind != JsTokenKind.Identifier) return null;
        var name = doc[arg.Start].Text;
        return functions.FirstOrDefault(f => (doc[f.Start].IsName("function") && doc[f.Start + 1].IsName(name))
            || (f.Start >= 2 && doc[f.Start - 1].Is("=") && doc[f.Start - 2].IsName(name)));
    }

    private static bool DoesPrivilegedWork(JsDocument doc, JsRange body)
    {
        for (var i = body.Start; i < body.End; i++)
        {
            var t = doc[i];
            if (t.Kind == JsTokenKind.Identifier && (PrivilegedNames.Contains(t.Text) || BrowserExtension.IsAuthDataName(t.Text))) return true;
        }
        return false;
    }
}
