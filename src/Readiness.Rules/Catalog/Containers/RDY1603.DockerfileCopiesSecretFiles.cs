using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>COPY or ADD of a file that holds secrets (.env*, *.pem, id_rsa, credentials) into the final image.</summary>
public sealed class DockerfileCopiesSecretFiles : DockerfileRule
{
    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        foreach (var instruction in DockerfileFacts.ImageInstructions(final).Where(i => i.Keyword is "COPY" or "ADD" && i.Flag("from") is null))
        {
            var secrets = DockerfileFacts.Sources(instruction).Where(DockerfileFacts.IsSensitivePath).ToList();
            if (secrets.Count == 0) continue;
            yield return At(context, dockerfile, instruction,
                $"{instruction.Keyword} in {dockerfile.File.Path} puts {string.Join(", ", secrets)} into the image, so every copy of the image carries those secrets; remove it from the {instruction.Keyword} and provide the values at run time (environment from Secrets Manager, compose `secrets:`), or use `RUN --mount=type=secret` while building.",
                fingerprintKey: "copy:" + string.Join(",", secrets));
        }
    }
}
