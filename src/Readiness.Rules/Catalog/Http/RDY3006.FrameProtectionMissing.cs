using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: a page any site can frame can be used for clickjacking.</summary>
public sealed class FrameProtectionMissing : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null || ContentSecurityPolicy.Enforced(page).Any(p => !p.FromMeta && p.RestrictsFraming)) yield break;
        var xfo = page.Header("X-Frame-Options")?.Trim();
        if (xfo is not null && (xfo.Equals("DENY", StringComparison.OrdinalIgnoreCase) || xfo.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase))) yield break;
        var why = xfo switch
        {
            null => "sends neither X-Frame-Options nor a Content-Security-Policy frame-ancestors directive",
            _ when xfo.StartsWith("ALLOW-FROM", StringComparison.OrdinalIgnoreCase) => "relies on X-Frame-Options ALLOW-FROM, which current browsers ignore",
            _ => $"sends X-Frame-Options '{xfo}', which browsers do not recognize",
        };
        yield return context.AtEndpoint(target.Url,
            $"{page.FinalUrl} {why}, so any site can frame it for clickjacking; send \"Content-Security-Policy: frame-ancestors 'none'\" (or 'self') and X-Frame-Options: DENY.",
            HeaderLine(page, "X-Frame-Options"), "frame-protection", Props(page));
    }
}
