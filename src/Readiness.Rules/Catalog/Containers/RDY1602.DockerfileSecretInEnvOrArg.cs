using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Rules.Text;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// A secret-named ENV or ARG of the image with a literal value: it is stored in the image config or build history.
/// Values the secret detectors already report (RDY1001-RDY1006) are left to them, so one secret is one finding.
/// </summary>
public sealed class DockerfileSecretInEnvOrArg : DockerfileRule
{
    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        var scan = SecretScanner.Of(dockerfile.File);
        foreach (var instruction in DockerfileFacts.ImageInstructions(final).Where(i => i.Keyword is "ENV" or "ARG"))
        {
            foreach (var variable in instruction.Variables)
            {
                if (!variable.IsLiteral || !SecretNames.IsSecretName(variable.Name)) continue;
                var value = variable.Value ?? "";
                if (value.Trim().Length == 0 || SecretValues.IsBooleanOrNumber(value) || SecretValues.IsReference(value)) continue;
                if (ReportedBySecretRules(scan, dockerfile.File, instruction)) continue;
                var where = instruction.Keyword == "ENV"
                    ? "is stored in the image configuration, so anyone who can pull the image reads it with `docker inspect`"
                    : "is recorded in the image's build history, readable with `docker history`";
                var line = LineOf(dockerfile.File, instruction, variable.Name);
                yield return context.AtLine(dockerfile.File, line,
                    $"{instruction.Keyword} {variable.Name} in {dockerfile.File.Path} has a literal value that {where}; remove the value, pass it at run time (ECS `secrets` from Secrets Manager, compose `secrets:`) or, for build steps, use `RUN --mount=type=secret,id={variable.Name.ToLowerInvariant()}`, and rotate it.",
                    snippet: $"{instruction.Keyword} {variable.Name}=<redacted>", fingerprintKey: "hmac:" + Redaction.Hash(value));
            }
        }
    }

    // The line of a continued ENV that sets this variable, so the finding points at what to edit.
    private static int LineOf(SourceFile file, DockerInstruction instruction, string name)
    {
        for (var line = instruction.Line; line <= instruction.EndLine; line++)
        {
            var text = file.Line(line);
            var at = text.IndexOf(name, StringComparison.Ordinal);
            if (at >= 0 && at + name.Length < text.Length && text[at + name.Length] is '=' or ' ') return line;
        }
        return instruction.Line;
    }

    private static bool ReportedBySecretRules(SecretScan scan, SourceFile file, DockerInstruction instruction) =>
        scan.Hits.Any(h => file.LineOf(h.Start) >= instruction.Line && file.LineOf(h.Start) <= instruction.EndLine);
}
