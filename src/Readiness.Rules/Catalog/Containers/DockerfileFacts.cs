using System.Text.RegularExpressions;
using Readiness.Rules.Languages.Docker;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>Facts about the image a Dockerfile builds: the stages it inherits from and what they set.</summary>
public static partial class DockerfileFacts
{
    /// <summary>The final stage and the earlier stages it starts FROM, oldest first: everything that ends up in the image.</summary>
    public static IReadOnlyList<DockerStage> Chain(DockerStage final)
    {
        var chain = new List<DockerStage>();
        for (var s = final; s is not null && !chain.Contains(s); s = s.Parent) chain.Insert(0, s);
        return chain;
    }

    /// <summary>The instructions that shape the image, oldest first.</summary>
    public static IEnumerable<DockerInstruction> ImageInstructions(DockerStage final) => Chain(final).SelectMany(s => s.Instructions);

    /// <summary>The last instruction with this keyword in the image, or null.</summary>
    public static DockerInstruction? Last(DockerStage final, string keyword) => ImageInstructions(final).LastOrDefault(i => i.Keyword == keyword);

    /// <summary>The external base image of the final stage (following FROM stage-name to the first stage), e.g. "python:3.11-slim".</summary>
    public static DockerStage BaseStage(DockerStage final) => Chain(final)[0];

    /// <summary>The source paths of COPY or ADD (every argument but the destination), from either form.</summary>
    public static IReadOnlyList<string> Sources(DockerInstruction instruction)
    {
        if (instruction.Heredocs.Count > 0) return [];
        var body = instruction.Expanded.Trim();
        List<string> parts;
        if (body.StartsWith('['))
        {
            try { parts = System.Text.Json.JsonSerializer.Deserialize<List<string>>(body) ?? []; }
            catch (System.Text.Json.JsonException) { parts = []; }
        }
        else parts = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        return parts.Count < 2 ? [] : parts[..^1];
    }

    [GeneratedRegex(@"(?:^|/)(?:\.env(?:\.[^/]*)?|[^/]*\.pem|[^/]*\.key|[^/]*\.p12|[^/]*\.pfx|id_rsa[^/]*|id_ecdsa[^/]*|id_ed25519[^/]*|credentials(?:\.json)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|service-account[^/]*\.json|\.aws|\.ssh)$", RegexOptions.IgnoreCase)]
    private static partial Regex SensitiveName();

    /// <summary>A path whose name says it holds secrets: .env*, keys, credentials (templates such as .env.example are not).</summary>
    public static bool IsSensitivePath(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (!SensitiveName().IsMatch(trimmed)) return false;
        var name = trimmed[(trimmed.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return !(name.Contains("example", StringComparison.Ordinal) || name.Contains("sample", StringComparison.Ordinal)
            || name.Contains("template", StringComparison.Ordinal) || name.EndsWith(".dist", StringComparison.Ordinal) || name.EndsWith(".pub", StringComparison.Ordinal));
    }
}
