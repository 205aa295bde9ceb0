using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_acm_certificate, requested (key_algorithm) or imported (its key is judged live).</summary>
public sealed class AcmTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_acm_certificate"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var imported = b.Get("certificate_body") is not null || b.Get("private_key") is not null;
        return new Certificate
        {
            Id = r.Address,
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            DomainName = b.Get("domain_name") as string,
            KeyAlgorithm = imported
                ? Value<string>.Unresolved("certificate_body (an imported certificate's key is read from the live account)").From(b.OriginOf("certificate_body"))
                : IacValue.String(b, "key_algorithm", Certificate.Defaults.KeyAlgorithm),
        };
    }
}
