using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::CertificateManager::Certificate.</summary>
public sealed class AcmCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::CertificateManager::Certificate"];

    public CloudResource? Map(IacResource r, IacScope scope) => new Certificate
    {
        Id = r.Address,
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.CloudFormation(r),
        DomainName = r.Body.Get("DomainName") as string,
        KeyAlgorithm = IacValue.String(r.Body, "KeyAlgorithm", Certificate.Defaults.KeyAlgorithm),
    };
}
