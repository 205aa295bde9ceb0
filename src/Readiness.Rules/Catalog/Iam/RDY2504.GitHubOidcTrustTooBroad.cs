using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Iam;

/// <summary>
/// A role that GitHub Actions assumes through OIDC (token.actions.githubusercontent.com) whose trust does not pin the
/// token's subject to a repository: no "sub" condition at all, a wildcard owner or repository ("repo:*",
/// "repo:org/*:..."), or, on a production role, a wildcard for the branch, environment or event ("repo:org/app:*").
/// </summary>
public sealed class GitHubOidcTrustTooBroad : ResourceRule<IamRole>
{
    private const string Issuer = "token.actions.githubusercontent.com";
    private const string SubjectKey = Issuer + ":sub";

    public override IEnumerable<Finding> Check(IamRole role, RuleContext context)
    {
        if (role.AssumeRolePolicy is not { IsKnown: true, Known: { } trust }) yield break;
        foreach (var statement in trust.Statements.Where(IsGitHubTrust))
        {
            if (!statement.ConditionsKnown)
            {
                yield return context.Undecided(role, nameof(IamRole.AssumeRolePolicy), "Condition", "restricts which GitHub repositories can assume it");
                yield break;
            }
            var subjects = statement.Conditions.Where(c => string.Equals(c.Key, SubjectKey, StringComparison.OrdinalIgnoreCase)).ToList();
            string? problem = null;
            if (subjects.Count == 0)
                problem = "has no \"token.actions.githubusercontent.com:sub\" condition, so a workflow in any GitHub repository can assume it";
            else if (subjects.Where(IsPattern).SelectMany(c => c.Values).FirstOrDefault(AnyRepository) is { } any)
                problem = $"lets \"{any}\" match the token's subject, so a workflow in any repository of that pattern (forks and other owners included) can assume it";
            else if (CloudJudge.IsProduction(role) && subjects.Where(IsPattern).SelectMany(c => c.Values).FirstOrDefault(AnyRef) is { } anyRef)
                problem = $"is a production role whose trust lets \"{anyRef}\" match the token's subject, so every branch, pull request and environment of that repository can assume it";
            if (problem is null) continue;
            yield return context.OnResource(role,
                $"IAM role {role.DisplayName} trusts GitHub Actions OIDC but {problem}; add \"StringEquals\": {{\"token.actions.githubusercontent.com:sub\": \"repo:OWNER/REPO:environment:production\"}} (or \"repo:OWNER/REPO:ref:refs/heads/main\") and \"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\".",
                nameof(IamRole.AssumeRolePolicy));
            yield break;
        }
    }

    /// <summary>A statement that trusts the GitHub OIDC provider: by its ARN, or by conditions on its claims when the provider is a reference.</summary>
    private static bool IsGitHubTrust(PolicyStatement s) =>
        string.Equals(s.Effect, "Allow", StringComparison.OrdinalIgnoreCase)
        && (s.Principals.Any(p => p.Type == "Federated" && p.Id.Contains(Issuer, StringComparison.OrdinalIgnoreCase))
            || s.Conditions.Any(c => c.Key.StartsWith(Issuer + ":", StringComparison.OrdinalIgnoreCase)));

    /// <summary>StringLike (with or without a set prefix) treats * and ? as wildcards; StringEquals matches them literally.</summary>
    private static bool IsPattern(PolicyCondition c) => c.Operator.EndsWith("StringLike", StringComparison.OrdinalIgnoreCase);

    /// <summary>"*", "repo:*", "repo:org/*:ref:refs/heads/main", "repo:*/app:*": the owner or repository is a wildcard.</summary>
    private static bool AnyRepository(string subject)
    {
        if (!subject.StartsWith("repo:", StringComparison.Ordinal)) return subject.IndexOfAny(['*', '?']) >= 0;
        var repository = subject["repo:".Length..].Split(':')[0];
        return repository.IndexOfAny(['*', '?']) >= 0 || !repository.Contains('/', StringComparison.Ordinal);
    }

    /// <summary>"repo:org/app:*": any branch, tag, pull request or environment of one repository.</summary>
    private static bool AnyRef(string subject) =>
        subject.StartsWith("repo:", StringComparison.Ordinal) && subject.Split(':', 3) is [_, _, var rest] && rest.IndexOfAny(['*', '?']) >= 0;
}
