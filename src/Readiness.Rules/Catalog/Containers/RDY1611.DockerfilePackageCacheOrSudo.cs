using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>The final image keeps package manager caches in its layers, or installs or uses sudo.</summary>
public sealed partial class DockerfilePackageCacheOrSudo : DockerfileRule
{
    [GeneratedRegex(@"\bapt(?:-get)?\s+(?:-\S+\s+)*install\b")]
    private static partial Regex AptInstall();

    [GeneratedRegex(@"\bapk\s+(?:-\S+\s+)*add\b")]
    private static partial Regex ApkAdd();

    [GeneratedRegex(@"\b(?:yum|dnf|microdnf)\s+(?:-\S+\s+)*install\b")]
    private static partial Regex YumInstall();

    [GeneratedRegex(@"\bpip[0-9.]*\s+(?:-\S+\s+)*install\b")]
    private static partial Regex PipInstall();

    [GeneratedRegex(@"\b(?:apt(?:-get)?|apk|yum|dnf|microdnf|zypper)\b[^;&|\n]*\s(?:install|add)\b[^;&|\n]*\ssudo\b")]
    private static partial Regex InstallsSudo();

    [GeneratedRegex(@"(?:^|[;&|(]\s*|\n\s*)sudo\s")]
    private static partial Regex UsesSudo();

    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        var pipCacheOff = DockerfileFacts.ImageInstructions(final).Any(i => i.Keyword is "ENV" or "ARG" && i.Body.Contains("PIP_NO_CACHE_DIR", StringComparison.Ordinal));
        foreach (var instruction in DockerfileFacts.ImageInstructions(final).Where(i => i.Keyword == "RUN"))
        {
            var command = instruction.CommandText;
            // A cache mount keeps the cache out of the image (RUN --mount=type=cache,target=/var/cache/apt).
            var cacheMounted = instruction.Flags.Any(f => f.Contains("type=cache", StringComparison.Ordinal));
            if (InstallsSudo().IsMatch(command) || UsesSudo().IsMatch(command))
            {
                yield return At(context, dockerfile, instruction,
                    $"{dockerfile.File.Path} installs or runs sudo in the image: RUN already runs as root at build time, and at run time sudo only gives a compromised process a way back to root; remove it and run the step before switching USER.",
                    fingerprintKey: "sudo");
            }
            if (cacheMounted) continue;
            var left = new List<string>();
            if (AptInstall().IsMatch(command) && !command.Contains("/var/lib/apt/lists", StringComparison.Ordinal)) left.Add("apt package lists (add `&& rm -rf /var/lib/apt/lists/*`)");
            if (ApkAdd().IsMatch(command) && !command.Contains("--no-cache", StringComparison.Ordinal) && !command.Contains("/var/cache/apk", StringComparison.Ordinal)) left.Add("the apk cache (use `apk add --no-cache`)");
            if (YumInstall().IsMatch(command) && !command.Contains("clean all", StringComparison.Ordinal)) left.Add("the yum/dnf cache (add `&& dnf clean all`)");
            if (PipInstall().IsMatch(command) && !pipCacheOff && !command.Contains("--no-cache-dir", StringComparison.Ordinal)) left.Add("the pip cache (use `pip install --no-cache-dir`)");
            if (left.Count == 0) continue;
            yield return At(context, dockerfile, instruction,
                $"{dockerfile.File.Path} leaves {string.Join(" and ", left)} in the image layer: a larger image to pull, scan and patch, holding package indexes nobody needs at run time.",
                fingerprintKey: "cache:" + string.Join(",", left.Select(l => l.Split(' ')[1])));
        }
    }
}
