using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecr;

/// <summary>ECR.2: a tag can be pushed again, so the image a deployment runs by tag can change under it.</summary>
public sealed class EcrMutableImageTags : ResourceRule<EcrRepository>
{
    public override IEnumerable<Finding> Check(EcrRepository repository, RuleContext context) =>
        CloudJudge.Judge(context, repository, repository.ImageTagMutability, nameof(EcrRepository.ImageTagMutability), "has immutable image tags",
            mutability => string.Equals(mutability, "MUTABLE", StringComparison.OrdinalIgnoreCase),
            () => context.OnResource(repository, $"ECR repository {repository.DisplayName} lets a tag be pushed again, so the image behind a tag such as coco-api:1.4.2 (or :latest) can be replaced without any deployment changing; set image tag mutability to IMMUTABLE and deploy by a new tag or by digest.", nameof(EcrRepository.ImageTagMutability)));
}
