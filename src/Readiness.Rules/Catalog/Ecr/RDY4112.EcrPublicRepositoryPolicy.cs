using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecr;

/// <summary>A repository policy that lets anyone (Principal "*", no condition) pull or push images.</summary>
public sealed class EcrPublicRepositoryPolicy : ResourceRule<EcrRepository>
{
    private static readonly string[] PushActions = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchDeleteImage", "ecr:DeleteRepository", "ecr:SetRepositoryPolicy"];

    public override IEnumerable<Finding> Check(EcrRepository repository, RuleContext context) =>
        CloudJudge.Judge(context, repository, repository.Policy, nameof(EcrRepository.Policy), "keeps its images private",
            statements => Public(statements).Any(),
            () =>
            {
                var actions = Public(repository.Policy.Known).SelectMany(s => s.Actions).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var push = actions.Any(a => a is "*" or "ecr:*" || PushActions.Contains(a, StringComparer.OrdinalIgnoreCase));
                var what = push ? "push and replace images in it" : "pull its images (the application's code and anything baked into them)";
                return context.OnResource(repository,
                    $"The policy of ECR repository {repository.DisplayName} lets anyone, in any AWS account, {what} ({string.Join(", ", actions)} to Principal \"*\" without a condition); grant the actions to your accounts or roles by ARN, or add an aws:PrincipalOrgID condition.",
                    nameof(EcrRepository.Policy), fingerprintKey: push ? "public-push" : "public-pull");
            });

    private static IEnumerable<ResourcePolicyStatement> Public(IReadOnlyList<ResourcePolicyStatement>? statements) =>
        (statements ?? []).Where(s => s.Effect == "Allow" && s.Principals.Contains("*") && !s.HasCondition);
}
