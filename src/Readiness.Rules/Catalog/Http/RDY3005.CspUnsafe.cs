using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: a Content-Security-Policy that still lets injected scripts run or loads code over plain HTTP.</summary>
public sealed class CspUnsafe : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null) yield break;
        var policies = ContentSecurityPolicy.Enforced(page);
        if (policies.Count == 0) yield break;
        // Every enforced policy must allow a load for the browser to allow it, so a weakness counts only when all share it.
        // Unsafe styles cost nothing in the grade and are not a finding (CSS cannot run script in current browsers).
        var perPolicy = policies.Select(p => p.Weaknesses().Where(w => w.Kind != CspWeaknessKind.UnsafeStyle).ToList()).ToList();
        var shared = perPolicy.Select(w => w.Select(x => x.Kind).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        foreach (var group in perPolicy[0].Where(w => shared.Contains(w.Kind)).GroupBy(w => w.Kind))
        {
            var where = string.Join(", ", group.Select(w => $"{w.Source} in {w.Directive}").Distinct());
            yield return context.AtEndpoint(target.Url, Message(group.Key, page.FinalUrl, where),
                "Content-Security-Policy: " + policies[0].Raw, "csp-" + group.Key.ToString().ToLowerInvariant(),
                Props(page, ("weakness", group.Key.ToString()), ("sources", where)));
        }
    }

    private static string Message(CspWeaknessKind kind, string url, string where) => kind switch
    {
        CspWeaknessKind.ScriptsUnrestricted =>
            $"The Content-Security-Policy of {url} has neither script-src nor default-src, so scripts from anywhere run; add \"default-src 'self'\" (or a script-src with nonces).",
        CspWeaknessKind.ObjectsUnrestricted =>
            $"The Content-Security-Policy of {url} restricts neither object-src nor default-src, so plugins and embedded objects load from anywhere; add \"object-src 'none'\".",
        CspWeaknessKind.UnsafeInline =>
            $"The Content-Security-Policy of {url} allows 'unsafe-inline' scripts ({where}), which lets injected script tags run; use nonces or hashes instead and remove 'unsafe-inline'.",
        CspWeaknessKind.UnsafeEval =>
            $"The Content-Security-Policy of {url} allows 'unsafe-eval' ({where}), so injected strings can be run as code; remove 'unsafe-eval' and replace eval/new Function in the scripts.",
        CspWeaknessKind.Wildcard =>
            $"The Content-Security-Policy of {url} allows code from any host or scheme ({where}); list the exact origins scripts and objects come from.",
        _ =>
            $"The Content-Security-Policy of {url} allows loading over plain HTTP ({where}), which a network attacker can replace; use https: sources only.",
    };
}
