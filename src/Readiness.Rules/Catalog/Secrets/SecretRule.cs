using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Rules.Text;

namespace Readiness.Rules.Catalog.Secrets;

/// <summary>
/// Base of the secret rules (RDY1001-RDY1006). The file is scanned once (<see cref="SecretScanner.Of"/>) and each rule
/// reports the hits attributed to it. Findings carry only a redacted preview and the SHA-256 of the secret; the
/// fingerprint key is the hash, so a finding keeps its identity when the line moves.
/// </summary>
public abstract class SecretRule : FileRule
{
    /// <summary>Files with NUL characters are binary: the walker lists them as skipped, the detectors never see them.</summary>
    public override bool AppliesTo(SourceFile file) => file.Text.Length > 0 && !file.HasNulNearStart;

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var scan = SecretScanner.Of(file, context.SecretDetectors);
        // Every secret rule shares the scan; the engine keeps one gap per file and reason.
        if (scan.Timeouts > 0)
            context.CouldNotLook(file, $"the secret scan gave up on {(scan.Timeouts == 1 ? "1 part" : $"{scan.Timeouts} parts")} of the file after the regex time limit; secrets there were not judged");
        if (scan.Truncated)
            context.CouldNotLook(file, $"the file holds more than {SecretScanner.MaxHitsPerFile} secrets; only the first {SecretScanner.MaxHitsPerFile} were reported");
        foreach (var hit in scan.Hits)
        {
            if (hit.Kind != Kind || !Accept(hit, file, context)) continue;
            yield return ToFinding(file, scan, hit, context);
        }
    }

    /// <summary>The kind of hit this rule reports (its attribution; the scanner only detects).</summary>
    protected abstract SecretKind Kind { get; }

    /// <summary>A rule's extra filter over its hits (thresholds from rule parameters, lines another rule owns).</summary>
    protected virtual bool Accept(SecretHit hit, SourceFile file, RuleContext context) => true;

    /// <summary>Django's SECRET_KEY line in production settings: RDY1103 reports it, with Django's own remediation.</summary>
    protected static bool IsDjangoSecretKeyLine(SourceFile file, SecretHit hit) =>
        file.Language == Language.Python && Catalog.Python.DjangoSettings.IsProductionSettings(file)
        && System.Text.RegularExpressions.Regex.IsMatch(file.Line(file.LineOf(hit.Start)), @"^\s*SECRET_KEY\s*=");

    /// <summary>The finding's sentence. Use <paramref name="preview"/>; never the value.</summary>
    protected abstract string Message(SecretHit hit, SourceFile file, string preview);

    /// <summary>Severity of the hit: provider detectors carry their own; the generic rules use the rule's.</summary>
    protected virtual Severity SeverityOf(SecretHit hit, RuleContext context) => context.Severity;

    private Finding ToFinding(SourceFile file, SecretScan scan, SecretHit hit, RuleContext context)
    {
        var line = file.LineOf(hit.Start);
        var preview = Redaction.Preview(hit.Value);
        var properties = new Dictionary<string, string>(hit.Extra)
        {
            ["detector"] = hit.DetectorId,
            ["secretHmac"] = Redaction.Hash(hit.Value),
            ["secretPreview"] = preview,
        };
        if (hit.Name is not null) properties["name"] = hit.Name;
        var endLine = file.LineOf(Math.Max(hit.Start, hit.End - 1));
        var finding = context.AtLine(file, line, Message(hit, file, preview), RedactedSnippet(file, scan, hit),
            fingerprintKey: "hmac:" + properties["secretHmac"], properties: properties, endLine: endLine, column: file.ColumnOf(hit.Start));
        return finding with { Severity = SeverityOf(hit, context) };
    }

    /// <summary>The line with every secret on it replaced by its preview, cut to about 160 characters around the first one.</summary>
    internal static string RedactedSnippet(SourceFile file, SecretScan scan, SecretHit hit)
    {
        var lineStart = hit.Start == 0 ? 0 : file.Text.LastIndexOf('\n', hit.Start - 1) + 1;
        var lineText = file.Line(file.LineOf(hit.Start));
        var lineEnd = lineStart + lineText.Length;
        var onLine = scan.Hits.Where(h => h.Overlaps(lineStart, lineEnd)).OrderByDescending(h => h.Start).ToList();
        var text = lineText;
        var firstColumn = 0;
        foreach (var h in onLine)
        {
            var from = Math.Max(h.Start, lineStart) - lineStart;
            var to = Math.Min(h.End, lineEnd) - lineStart;
            text = string.Concat(text.AsSpan(0, from), Redaction.Preview(h.Value), text.AsSpan(to));
            firstColumn = from;
        }
        text = text.Trim();
        if (text.Length <= 160) return text;
        var start = Math.Clamp(firstColumn - 60, 0, Math.Max(0, text.Length - 160));
        return (start > 0 ? "..." : "") + text.Substring(start, Math.Min(160, text.Length - start)) + (start + 160 < text.Length ? "..." : "");
    }

    protected static string Revoke(SecretHit hit) => hit.Revoke ?? "revoke it where it was issued";

}
