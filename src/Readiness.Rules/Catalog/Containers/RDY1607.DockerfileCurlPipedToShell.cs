using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>RUN pipes a downloaded script straight into a shell or interpreter (curl ... | sh).</summary>
public sealed partial class DockerfileCurlPipedToShell : DockerfileRule
{
    [GeneratedRegex(@"\b(?:curl|wget)\b[^|;&\n]*(?:https?://\S+)?[^|;&\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba|z|da|k)?sh\b|\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+)?(?:python3?|perl|ruby|node)\b")]
    private static partial Regex PipeToShell();

    [GeneratedRegex(@"https?://[^\s|'""]+")]
    private static partial Regex Url();

    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        foreach (var run in dockerfile.Instructions.Where(i => i.Keyword == "RUN"))
        {
            var m = PipeToShell().Match(run.CommandText);
            if (!m.Success) continue;
            var url = Url().Match(m.Value) is { Success: true } u ? u.Value : "a remote script";
            yield return At(context, dockerfile, run,
                $"RUN in {dockerfile.File.Path} pipes {url} straight into a shell, so whatever that server returns at build time runs as root in the build; download the script to a file, verify its checksum or signature, then run it (or install the tool from a package with a pinned version).",
                fingerprintKey: "pipe:" + url);
        }
    }
}
