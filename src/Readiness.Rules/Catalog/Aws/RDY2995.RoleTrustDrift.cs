using Readiness.Rules.Catalog.Iam;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>A live IAM role whose trust policy lets in whom its code does not: any principal, or more GitHub repositories or branches.</summary>
public sealed class RoleTrustDrift : ResourceRule<IamRole>
{
    private static readonly RoleTrustsAnyPrincipal AnyPrincipal = new();
    private static readonly GitHubOidcTrustTooBroad GitHub = new();

    public override IEnumerable<Finding> Check(IamRole live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not IamRole code) yield break;
        string? widened = LiveDrift.Widened(AnyPrincipal, code, live, context) ? "lets any AWS principal assume it"
            : LiveDrift.Widened(GitHub, code, live, context) ? "lets GitHub Actions workflows of more repositories or branches assume it"
            : null;
        if (widened is null) yield break;
        yield return context.OnResource(live,
            $"IAM role {live.DisplayName} has a trust policy in the live account that {widened}, but its code ({code.DisplayName}) does not; someone widened it outside the code: {LiveDrift.Fix}.",
            nameof(IamRole.AssumeRolePolicy), fingerprintKey: "drift:AssumeRolePolicy",
            properties: LiveDrift.Properties(nameof(IamRole.AssumeRolePolicy), "narrower", widened));
    }
}
