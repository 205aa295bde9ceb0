using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>AWS::ECR::Repository (CDK's ecr.Repository), its policy in RepositoryPolicyText.</summary>
public sealed class EcrCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::ECR::Repository"];
    public IReadOnlyList<string> NameAttributes => ["RepositoryName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        return new EcrRepository
        {
            Id = IacScope.IdOf(r, "RepositoryName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = b.Get("RepositoryName") as string,
            ImageTagMutability = IacValue.String(b, "ImageTagMutability", EcrRepository.Defaults.ImageTagMutability),
            ScanOnPush = IacValue.Bool(b.Block("ImageScanningConfiguration"), "ScanOnPush", EcrRepository.Defaults.ScanOnPush),
            Policy = IacPolicy.Read(b, "RepositoryPolicyText", scope).From(b.OriginOf("RepositoryPolicyText")),
        };
    }
}
