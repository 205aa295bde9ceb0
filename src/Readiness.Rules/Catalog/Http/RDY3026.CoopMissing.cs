using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>Information: an HTML page without Cross-Origin-Opener-Policy shares its browsing context group with pages it opens.</summary>
public sealed class CoopMissing : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null || !IsHtml(page)) yield break;
        var value = page.Header("Cross-Origin-Opener-Policy")?.Split(';')[0].Trim().ToLowerInvariant();
        if (value is "same-origin" or "same-origin-allow-popups" or "noopener-allow-popups") yield break;
        var what = value is null ? "sends no Cross-Origin-Opener-Policy" : $"sends Cross-Origin-Opener-Policy '{value}', which isolates nothing";
        yield return context.AtEndpoint(target.Url,
            $"{page.FinalUrl} {what}, so a site it opens or that opens it keeps a handle to its window (tabnabbing, cross-window leaks); send 'Cross-Origin-Opener-Policy: same-origin' (or same-origin-allow-popups when it opens payment or login pop-ups).",
            HeaderLine(page, "Cross-Origin-Opener-Policy"), "coop", Props(page));
    }
}
