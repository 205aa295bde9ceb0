using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Extension;

/// <summary>CSEC-45: an extension manifest without an explicit content_security_policy, or with one that allows eval or remote code.</summary>
public sealed class ExtensionCspMissingOrWeak : FileRule
{
    private static readonly string[] WeakSources = ["'unsafe-eval'", "'unsafe-inline'", "http:", "https:", "*", "data:", "blob:"];

    public override bool AppliesTo(SourceFile file) => file.Name.Equals("manifest.json", StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        if (BrowserExtension.Manifest(file) is not { } manifest) yield break;
        var csp = manifest.Member("content_security_policy");
        if (csp is null)
        {
            var anchor = manifest.Member("manifest_version")!;
            yield return context.AtLine(file, file.LineOf(anchor.KeyOffset),
                $"The extension manifest {file.Path} has no content_security_policy, so its pages run under the browser default; declare an explicit policy (\"extension_pages\": \"script-src 'self'; object-src 'self'; base-uri 'none'\") so a later change cannot loosen it unnoticed.",
                fingerprintKey: "csp:missing");
            yield break;
        }
        var policies = csp.Value switch
        {
            JsonScalar { Value: string s } => [(csp.Key, s, csp.Value.Offset)],
            JsonObject o => o.Members.Where(m => m.Value is JsonScalar { Value: string }).Select(m => (m.Key, (string)((JsonScalar)m.Value).Value!, m.Value.Offset)).ToList(),
            _ => new List<(string, string, int)>(),
        };
        foreach (var (key, policy, offset) in policies)
        {
            var scriptSrc = policy.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal) || d == "script-src")
                ?? policy.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("default-src ", StringComparison.Ordinal));
            var weak = scriptSrc?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(s => WeakSources.Contains(s) || s.StartsWith("http://", StringComparison.Ordinal)).ToList();
            if (weak is null || weak.Count == 0) continue;
            yield return context.AtLine(file, file.LineOf(offset),
                $"The content_security_policy {key} in {file.Path} allows {string.Join(", ", weak)} in script-src, so injected or remote code can run with the extension's privileges; allow only 'self'.",
                fingerprintKey: "csp:" + key);
        }
    }
}
