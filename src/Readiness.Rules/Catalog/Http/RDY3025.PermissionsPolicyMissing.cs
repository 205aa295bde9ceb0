using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>An HTML page without Permissions-Policy lets any embedded frame or injected script ask for camera, microphone, location.</summary>
public sealed class PermissionsPolicyMissing : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null || !IsHtml(page) || page.Header("Permissions-Policy") is { Length: > 0 }) yield break;
        yield return context.AtEndpoint(target.Url,
            $"{page.FinalUrl} sends no Permissions-Policy header, so the page and every frame in it may ask for the camera, microphone, location and other powerful features; send 'Permissions-Policy: camera=(), microphone=(), geolocation=()' listing what the site does not use.",
            HeaderLine(page, "Permissions-Policy"), "permissions-policy", Props(page));
    }
}
