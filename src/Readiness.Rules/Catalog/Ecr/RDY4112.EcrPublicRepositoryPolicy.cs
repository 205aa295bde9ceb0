using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecr;

/// <summary>A repository policy that lets anyone (Principal "*" or NotPrincipal, no condition that names who) pull or push images.</summary>
public sealed class EcrPublicRepositoryPolicy : ResourceRule<EcrRepository>
{
    private static readonly string[] PushActions = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchDeleteImage", "ecr:DeleteRepository", "ecr:SetRepositoryPolicy"];

    public override IEnumerable<Finding> Check(EcrRepository repository, RuleContext context)
    {
        if (!repository.Policy.IsKnown)
        {
            yield return context.Undecided(repository, nameof(EcrRepository.Policy), repository.Policy.Expression, "keeps its images private");
            yield break;
        }
        var statements = repository.Policy.Known?.Statements ?? [];
        var open = statements.Where(s => s.OpenToAnyone == true).ToList();
        if (open.Count == 0)
        {
            if (statements.FirstOrDefault(s => s.OpenToAnyone is null) is { } unknown)
                yield return context.Undecided(repository, nameof(EcrRepository.Policy), unknown.Unresolved, "keeps its images private");
            yield break;
        }
        var actions = open.SelectMany(s => s.Actions.Count > 0 ? s.Actions : ["every action but " + string.Join(", ", s.NotActions)]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var push = PushActions.Any(a => open.Any(s => s.Covers(a)));
        var what = push ? "push and replace images in it" : "pull its images (the application's code and anything baked into them)";
        yield return context.OnResource(repository,
            $"The policy of ECR repository {repository.DisplayName} lets anyone, in any AWS account, {what} ({string.Join(", ", actions)} to Principal \"*\" without a condition that names who); grant the actions to your accounts or roles by ARN, or add an aws:PrincipalOrgID condition.",
            nameof(EcrRepository.Policy), fingerprintKey: push ? "public-push" : "public-pull");
    }
}
