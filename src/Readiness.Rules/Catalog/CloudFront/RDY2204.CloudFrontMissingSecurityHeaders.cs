using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.CloudFront;

/// <summary>
/// SHIELD-2: every cache behavior should add HSTS, a Content-Security-Policy and X-Frame-Options through a response
/// headers policy. The AWS managed SecurityHeadersPolicy sends HSTS and X-Frame-Options but no CSP.
/// </summary>
public sealed class CloudFrontMissingSecurityHeaders : ResourceRule<Distribution>
{
    /// <summary>AWS managed response headers policies and the security headers each one lacks.</summary>
    private static readonly Dictionary<string, (string Name, string Missing)> Managed = new(StringComparer.Ordinal)
    {
        ["67f7725c-6f97-4210-82d7-5512b31e9d03"] = ("SecurityHeadersPolicy", "Content-Security-Policy"),
        ["e61eb60c-9c35-4d20-a928-2b84e02af89c"] = ("CORS-and-SecurityHeadersPolicy", "Content-Security-Policy"),
    };

    public override IEnumerable<Finding> Check(Distribution distribution, RuleContext context)
    {
        foreach (var behavior in distribution.Behaviors)
        {
            var where = $"CloudFront distribution {distribution.DisplayName} (path pattern '{behavior.PathPattern}')";
            var key = "headers:" + behavior.PathPattern;
            var id = behavior.ResponseHeadersPolicyId;
            if (!id.IsKnown)
            {
                yield return context.Undecided(distribution, "ResponseHeadersPolicyId", id.Expression, $"adds security headers for path {behavior.PathPattern}").At(behavior.Line);
                continue;
            }
            if (string.IsNullOrEmpty(id.Known))
            {
                yield return context.OnResource(distribution, $"{where} has no response headers policy; attach one that sets Strict-Transport-Security, Content-Security-Policy and X-Frame-Options.", fingerprintKey: key).At(behavior.Line);
                continue;
            }
            if (Managed.TryGetValue(id.Known, out var managed))
            {
                yield return context.OnResource(distribution, $"{where} uses the AWS managed {managed.Name} policy, which sends no {managed.Missing}; use a custom response headers policy that adds them.", fingerprintKey: key).At(behavior.Line);
                continue;
            }
            var policy = context.Cloud.Find<ResponseHeadersPolicy>(id.Known, distribution);
            if (policy is null)
            {
                yield return context.Undecided(distribution, "ResponseHeadersPolicyId", id.Known, $"adds security headers for path {behavior.PathPattern} (the policy was not part of this scan)").At(behavior.Line);
                continue;
            }
            var missing = Missing(policy).ToList();
            if (missing.Count > 0)
            {
                yield return context.OnResource(distribution, $"{where} uses response headers policy {policy.Name ?? policy.DisplayName}, which does not set {string.Join(", ", missing)}; add them to the policy's security headers.", fingerprintKey: key).At(behavior.Line);
            }
        }
    }

    private static IEnumerable<string> Missing(ResponseHeadersPolicy policy)
    {
        if (policy.HstsEnabled.IsKnown && !policy.HstsEnabled.Known) yield return "Strict-Transport-Security";
        if (policy.ContentSecurityPolicy.IsKnown && string.IsNullOrWhiteSpace(policy.ContentSecurityPolicy.Known)) yield return "Content-Security-Policy";
        if (policy.FrameOption.IsKnown && string.IsNullOrEmpty(policy.FrameOption.Known)) yield return "X-Frame-Options";
    }
}
