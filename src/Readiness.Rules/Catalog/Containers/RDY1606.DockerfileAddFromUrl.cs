using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>ADD of a remote URL without --checksum: whatever the server returns goes into the image.</summary>
public sealed class DockerfileAddFromUrl : DockerfileRule
{
    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        foreach (var add in dockerfile.Instructions.Where(i => i.Keyword == "ADD" && i.Flag("checksum") is null))
        {
            var url = DockerfileFacts.Sources(add).FirstOrDefault(s => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
            if (url is null) continue;
            yield return At(context, dockerfile, add,
                $"ADD in {dockerfile.File.Path} downloads {url} with no checksum, so whatever that server returns at build time goes into the image; add `--checksum=sha256:<digest>` (BuildKit) or download with curl and verify the hash with `sha256sum -c` in a RUN step.",
                fingerprintKey: "add:" + url);
        }
    }
}
