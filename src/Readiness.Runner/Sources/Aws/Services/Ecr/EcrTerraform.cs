using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_ecr_repository with its aws_ecr_repository_policy.</summary>
public sealed class EcrTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_ecr_repository"];
    public IReadOnlyList<string> NameAttributes => ["name"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var b = r.Body;
        var policy = scope.Companions(r, "aws_ecr_repository_policy", "repository").FirstOrDefault();
        return new EcrRepository
        {
            Id = IacScope.IdOf(r, "name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("name") as string,
            ImageTagMutability = IacValue.String(b, "image_tag_mutability", EcrRepository.Defaults.ImageTagMutability),
            ScanOnPush = IacValue.Bool(b.Block("image_scanning_configuration"), "scan_on_push", EcrRepository.Defaults.ScanOnPush),
            Policy = policy is null ? (PolicyDocument?)null : IacPolicy.Read(policy.Body, "policy", scope).From(policy.Body.OriginOf("policy")),
        };
    }
}
