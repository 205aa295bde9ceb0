using Readiness.Rules.Catalog.Containers;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>
/// ECS.8: a secret in a container's plain environment: a secret-named variable (DB_PASSWORD, JWT_SECRET, STRIPE_API_KEY)
/// with a literal value, or any value a secret detector recognizes (an AWS key, a password inside DATABASE_URL).
/// In code, a value a detector recognizes is already reported at its line by RDY1001-RDY1006: one secret is one finding.
/// A literal secret is judged by <see cref="ContainerEnvironment.IsLiteralSecret"/>, the judgement RDY1621 applies to a
/// Compose service. The control keeps its own id on ECS: ids are public (suppression files, inline comments, ruleset
/// overrides and baseline fingerprints name them) and there is no alias mechanism to move them, and this id carries
/// Security Hub ECS.8.
/// </summary>
public sealed class EcsSecretInEnvironment : ResourceRule<EcsTaskDefinition>
{
    public override IEnumerable<Finding> Check(EcsTaskDefinition task, RuleContext context) =>
        EcsContainers.Each(context, task, "keeps secrets out of its plain environment", container => CheckContainer(task, container, context));

    private static IEnumerable<Finding> CheckContainer(EcsTaskDefinition task, EcsContainer container, RuleContext context)
    {
        var inCode = task.Provenance.File is not null;
        foreach (var variable in container.Environment)
        {
            var secretNamed = SecretNames.IsSecretName(variable.Name);
            if (!variable.Kind.IsKnown)
            {
                if (secretNamed) yield return EcsContainers.Undecided(context, task, container, variable.Kind, "environment " + variable.Name, "keeps secrets out of its plain environment");
                continue;
            }
            if (variable.Kind.Known != EnvironmentValueKind.Literal) continue;
            if (variable.DetectedAs is { } detected)
            {
                if (inCode) continue;
                yield return Finding(task, container, variable, context, $"holds {variable.Name}, whose value is recognized as {Article(detected)} {detected},");
            }
            else if (ContainerEnvironment.IsLiteralSecret(variable.Name, variable.Kind.Known))
                yield return Finding(task, container, variable, context, $"holds {variable.Name}, {Article(SecretNames.Kind(variable.Name))} {SecretNames.Kind(variable.Name)} written as a literal,");
        }
    }

    private static Finding Finding(EcsTaskDefinition task, EcsContainer container, EcsEnvironmentVariable variable, RuleContext context, string what) =>
        context.OnResource(task,
            $"The plain environment of {EcsContainers.Describe(task, container)} {what} stored in clear text in the task definition where anyone allowed ecs:DescribeTaskDefinition reads it; move it to the container's `secrets` with `valueFrom` a Secrets Manager secret or SSM SecureString parameter, and rotate it.",
            "environment " + variable.Name, snippet: $"{variable.Name}=<redacted>", fingerprintKey: $"{container.Name.Known}:{variable.Name}:hmac:{variable.ValueHash}", value: variable.Kind);

    private static string Article(string word) => word.Length > 0 && "AEIOUaeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
