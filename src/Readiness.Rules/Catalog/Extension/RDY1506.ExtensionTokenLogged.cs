using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>CSEC-44: console.log (info, debug, warn, error) of a token, session or password in extension code.</summary>
public sealed class ExtensionTokenLogged : FileRule
{
    public override bool AppliesTo(SourceFile file) => BrowserExtension.IsExtensionScript(file) && file.Text.Contains("console.", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = JsDocument.Parse(file);
        foreach (var call in doc.Calls().Where(c => c.Callee is "console.log" or "console.info" or "console.debug" or "console.warn" or "console.error" or "console.trace"))
        {
            var name = BrowserExtension.AuthDataIn(doc, new JsRange(call.Open + 1, call.Close));
            if (name is null) continue;
            yield return context.AtLine(file, doc.LineOf(call.Open),
                $"{call.Callee} in {file.Path} logs '{name}', which puts auth data in the console of every page or service worker where it runs (and in any log collector); remove the log or log only that a token is present.",
                fingerprintKey: call.Callee + ":" + name);
        }
    }
}
