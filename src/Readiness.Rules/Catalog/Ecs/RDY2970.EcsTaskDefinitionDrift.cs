using Readiness.Rules.Catalog.Containers;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Ecs;

/// <summary>
/// A live task definition weaker than its definition in code: a container, matched by name, now holds a secret in its
/// plain environment where the code keeps none under that name, or runs privileged where the code says it does not.
/// The live id is the family and its ARN carries the revision, so the latest active revision is what is compared.
/// </summary>
public sealed class EcsTaskDefinitionDrift : ResourceRule<EcsTaskDefinition>
{
    public override IEnumerable<Finding> Check(EcsTaskDefinition live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not EcsTaskDefinition code) yield break;
        // Container definitions the code builds from an expression nothing resolves could hold anything.
        if (!live.Containers.IsKnown || !code.Containers.IsKnown) yield break;
        foreach (var container in live.Containers.Known ?? [])
        {
            var coded = code.Containers.Known?.FirstOrDefault(c => c.Name.Known == container.Name.Known);
            if (coded is null) continue;
            var line = LineOf(code, coded);
            foreach (var variable in container.Environment.Where(PlaintextSecret))
            {
                var inCode = coded.Environment.FirstOrDefault(v => v.Name == variable.Name);
                // Unresolved in code: it may be the same literal, so nothing is claimed.
                if (inCode is not null && (!inCode.Kind.IsKnown || PlaintextSecret(inCode))) continue;
                yield return context.OnResource(live,
                    $"Container '{container.Name.Known}' of ECS task definition {live.DisplayName} holds {variable.Name} in its plain environment in the live account but its code ({code.DisplayName}) does not; someone registered a revision outside the code: rotate the secret, move it to the container's `secrets` (valueFrom Secrets Manager or SSM), deploy the coded revision and find out who registered this one.",
                    line: line, snippet: $"{variable.Name}=<redacted>", fingerprintKey: $"drift:{container.Name.Known}:environment:{variable.Name}",
                    properties: Properties("environment " + variable.Name, inCode is null ? "absent" : "not a literal", "plaintext"));
            }
            if (coded.Privileged is { IsKnown: true, Known: false } && container.Privileged is { IsKnown: true, Known: true })
            {
                yield return context.OnResource(live,
                    $"Container '{container.Name.Known}' of ECS task definition {live.DisplayName} runs privileged in the live account but its code ({code.DisplayName}) says it does not; someone registered a revision outside the code: deploy the coded revision (terraform apply, or update the stack) and find out who registered this one.",
                    line: line, fingerprintKey: $"drift:{container.Name.Known}:privileged", properties: Properties("privileged", "false", "true"));
            }
        }
    }

    private static bool PlaintextSecret(EcsEnvironmentVariable variable) => variable.Kind.IsKnown
        && (ContainerEnvironment.IsLiteralSecret(variable.Name, variable.Kind.Known) || (variable.Kind.Known == EnvironmentValueKind.Literal && variable.DetectedAs is not null));

    /// <summary>The coded container's line, when it is written in the definition's own file; else the definition's header.</summary>
    private static int LineOf(EcsTaskDefinition code, EcsContainer coded) =>
        coded.Name.Origin is { InFileAt: true } o && o.File == code.Provenance.File ? o.Line : 0;

    private static Dictionary<string, string> Properties(string attribute, string inCode, string inLive) =>
        new() { ["attribute"] = attribute, ["code"] = inCode, ["live"] = inLive };
}
