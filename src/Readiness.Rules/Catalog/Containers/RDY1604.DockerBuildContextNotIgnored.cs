using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>
/// <c>COPY . .</c> copies the whole build context, and the context holds secret files (.env*, keys, credentials) that
/// no .dockerignore excludes. The context is the compose service's build context, or the Dockerfile's folder.
/// </summary>
public sealed class DockerBuildContextNotIgnored : DockerfileRule
{
    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        var copyAll = DockerfileFacts.ImageInstructions(final)
            .FirstOrDefault(i => i.Keyword is "COPY" or "ADD" && i.Flag("from") is null && DockerfileFacts.Sources(i).Any(s => s is "." or "./"));
        if (copyAll is null) yield break;
        foreach (var root in containers.ContextsOf(dockerfile))
        {
            var prefix = root.Length == 0 ? "" : root + "/";
            var ignore = IgnoreFile(containers, root, dockerfile);
            var exposed = containers.Paths
                .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && DockerfileFacts.IsSensitivePath(p) && FileKind.Of(p).Role == FileRole.Application)
                .Select(p => p[prefix.Length..])
                .Where(p => ignore is null || !ignore.Excludes(p))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (exposed.Count == 0) continue;
            var shown = string.Join(", ", exposed.Take(4)) + (exposed.Count > 4 ? $" and {exposed.Count - 4} more" : "");
            var why = ignore is null ? "there is no .dockerignore" : $"{ignore.Path} does not exclude them";
            yield return At(context, dockerfile, copyAll,
                $"{copyAll.Keyword} {string.Join(' ', DockerfileFacts.Sources(copyAll))} in {dockerfile.File.Path} copies the whole build context ({(root.Length == 0 ? "the repository root" : root + "/")}), which holds {shown}, and {why}; add a .dockerignore at the context root excluding .env*, keys, credentials and .git, or copy only what the image needs.",
                fingerprintKey: "context:" + root);
        }
    }

    private static DockerIgnore? IgnoreFile(ContainerEvidence containers, string root, Dockerfile dockerfile)
    {
        // BuildKit prefers <Dockerfile>.dockerignore beside the Dockerfile, then .dockerignore at the context root.
        foreach (var path in new[] { dockerfile.File.Path + ".dockerignore", (root.Length == 0 ? "" : root + "/") + ".dockerignore" })
        {
            if (containers.DockerIgnores.TryGetValue(path, out var text)) return new DockerIgnore(path, text);
        }
        return null;
    }

    /// <summary>.dockerignore patterns: globs with *, ** and ?, a trailing directory match, ! to re-include; the last match wins.</summary>
    private sealed class DockerIgnore(string path, string text)
    {
        private readonly List<(Regex Pattern, bool Include)> rules = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => (Pattern: ToRegex(l.TrimStart('!').Trim().TrimStart('/')), Include: l[0] == '!'))
            .ToList();

        public string Path { get; } = path;

        public bool Excludes(string relative)
        {
            var excluded = false;
            foreach (var (pattern, include) in rules)
            {
                if (pattern.IsMatch(relative)) excluded = !include;
            }
            return excluded;
        }

        private static Regex ToRegex(string glob)
        {
            var pattern = Regex.Escape(glob.TrimEnd('/')).Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
                .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal);
            // A pattern matches the path itself or a folder above it.
            return new Regex("^" + pattern + "(?:/.*)?$", RegexOptions.CultureInvariant);
        }
    }
}
