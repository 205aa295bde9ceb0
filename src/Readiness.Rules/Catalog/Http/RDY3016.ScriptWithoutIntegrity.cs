using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>Scripts from another site without Subresource Integrity, or any script over plain HTTP.</summary>
public sealed class ScriptWithoutIntegrity : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null || SubresourceIntegrity.Scripts(page) is not { } scripts) yield break;
        var plain = scripts.Where(s => !s.Secure && (s.External || page.IsHttps)).ToList();
        if (plain.Count > 0)
        {
            yield return context.AtEndpoint(target.Url,
                $"{page.FinalUrl} loads {Sources(plain)} over plain HTTP, which anyone on the network can replace with their own code; load every script over https:// (and add integrity hashes to scripts from other sites).",
                Snippet(plain), "script-over-http", Props(page, ("scripts", string.Join(" ", plain.Select(s => s.Src)))));
        }
        var unpinned = scripts.Where(s => s.External && s.Secure && !s.HasIntegrity).ToList();
        if (unpinned.Count > 0)
        {
            yield return context.AtEndpoint(target.Url,
                $"{page.FinalUrl} loads {Sources(unpinned)} from another site without an integrity attribute, so a compromised CDN runs its code in this page; add integrity=\"sha384-...\" crossorigin=\"anonymous\" to each tag (or serve the script from this site).",
                Snippet(unpinned), "script-without-integrity", Props(page, ("scripts", string.Join(" ", unpinned.Select(s => s.Src)))));
        }
    }

    private static string Sources(IReadOnlyList<PageScript> scripts) =>
        (scripts.Count == 1 ? "the script " : $"{scripts.Count} scripts, first ") + scripts[0].Src;

    private static string Snippet(IEnumerable<PageScript> scripts) => string.Join("\n", scripts.Take(5).Select(s => $"<script src=\"{s.Src}\">"));
}
