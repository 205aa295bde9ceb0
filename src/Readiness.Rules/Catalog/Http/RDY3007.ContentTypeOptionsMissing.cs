using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-2: without X-Content-Type-Options: nosniff, browsers may run an upload or JSON as script or HTML.</summary>
public sealed class ContentTypeOptionsMissing : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null) yield break;
        var value = page.Header("X-Content-Type-Options")?.Trim();
        if (string.Equals(value, "nosniff", StringComparison.OrdinalIgnoreCase)) yield break;
        var what = value is null ? "does not send X-Content-Type-Options" : $"sends X-Content-Type-Options '{value}' instead of 'nosniff'";
        yield return context.AtEndpoint(target.Url,
            $"{page.FinalUrl} {what}, so browsers may guess content types and run uploaded files as script; send 'X-Content-Type-Options: nosniff' on every response.",
            HeaderLine(page, "X-Content-Type-Options"), "nosniff", Props(page));
    }
}
