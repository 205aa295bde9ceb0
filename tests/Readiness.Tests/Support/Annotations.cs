using System.Text.RegularExpressions;
using Readiness.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Support;

public enum ExpectationKind
{
    /// <summary>Must be found.</summary>
    Noncompliant,

    /// <summary>A known false negative: may be missing.</summary>
    FalseNegative,

    /// <summary>A known false positive: may appear.</summary>
    FalsePositive,

    /// <summary>Must be found as an info-level "cannot decide" finding (an unresolved IaC value).</summary>
    Undecided,
}

/// <summary>What one annotation expects; <see cref="Message"/> is the exact message when the marker gives <c>{{...}}</c>.</summary>
public sealed record Expectation(int Line, string RuleId, ExpectationKind Kind, string? Message = null)
{
    /// <summary>True when this expectation is met by a finding of <paramref name="ruleId"/> at <paramref name="line"/>.</summary>
    public bool Matches(int line, string ruleId, bool undecided) => Line == line && RuleId == ruleId && (Kind == ExpectationKind.Undecided) == undecided;
}

/// <summary>
/// Reads what a fixture expects, the one annotation syntax of every fixture (see tests/README.md):
/// <c>Noncompliant RDY1101</c>, <c>Noncompliant@+1 RDY1101</c> (a line below), <c>Undecided RDY2004</c>,
/// <c>FN</c> / <c>FP</c> for known gaps, optionally followed by <c>{{the exact message}}</c>, in a comment on the line; or, for
/// files that cannot hold comments (JSON, keys, captures), a sidecar <c>expected.yaml</c> in the same folder:
/// <code>
/// service-account.json:
///   - RDY1001@5          # must be found on line 5
///   - FN RDY1003@9       # known false negative
/// </code>
/// A file listed in its folder's sidecar is judged by the sidecar only.
/// </summary>
public static partial class Annotations
{
    public const string SidecarName = "expected.yaml";

    // Ids are shipped (RDY1234) or a ruleset's own (ORG-101, in the custom rules' fixtures that `readiness rules test` judges).
    [GeneratedRegex(@"\b(?<kind>Noncompliant|Undecided|FN|FP)(?:@(?<offset>[+-]\d+))?(?<ids>(?:[\s,]+(?:RDY\d{4}|[A-Z][A-Z0-9]*-[A-Z0-9]+))*)(?:\s*\{\{(?<message>.*?)\}\})?")]
    private static partial Regex Marker();

    [GeneratedRegex(@"RDY\d{4}|[A-Z][A-Z0-9]*-[A-Z0-9]+")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^(?:(?<kind>FN|FP)\s+)?(?<id>RDY\d{4})@(?<line>\d+)$")]
    private static partial Regex SidecarEntry();

    /// <summary>The expectations of <paramref name="file"/>, whose text was read from <paramref name="fullPath"/>.</summary>
    public static IReadOnlyList<Expectation> Read(SourceFile file, string fullPath)
    {
        var sidecar = Path.Combine(Path.GetDirectoryName(fullPath)!, SidecarName);
        if (File.Exists(sidecar) && FromSidecar(sidecar, Path.GetFileName(fullPath)) is { } listed) return listed;
        return FromComments(file);
    }

    public static IReadOnlyList<Expectation> FromComments(SourceFile file)
    {
        var result = new List<Expectation>();
        for (var line = 1; line <= file.LineCount; line++)
        {
            foreach (Match m in Marker().Matches(file.Line(line)))
            {
                var ids = RuleId().Matches(m.Groups["ids"].Value).Select(x => x.Value).ToList();
                if (ids.Count == 0) throw new FormatException($"{file.Path}:{line}: '{m.Groups["kind"].Value}' marker names no rule id.");
                var target = line + (m.Groups["offset"].Success ? int.Parse(m.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
                var message = m.Groups["message"].Success ? m.Groups["message"].Value : null;
                if (message is not null && ids.Count > 1) throw new FormatException($"{file.Path}:{line}: an exact message {{{{...}}}} belongs to one rule id, not {ids.Count}.");
                result.AddRange(ids.Select(id => new Expectation(target, id, KindOf(m.Groups["kind"].Value), message)));
            }
        }
        return result;
    }

    /// <summary>The sidecar's entries for one file name, or null when the sidecar does not list it.</summary>
    public static IReadOnlyList<Expectation>? FromSidecar(string sidecarPath, string fileName)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(sidecarPath)) stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return null;
        if (!root.Children.TryGetValue(new YamlScalarNode(fileName), out var node)) return null;
        if (node is YamlScalarNode { Value: null or "" }) return [];
        var result = new List<Expectation>();
        foreach (var entry in ((YamlSequenceNode)node).Children)
        {
            var text = entry.ToString().Trim();
            var m = SidecarEntry().Match(text);
            if (!m.Success) throw new FormatException($"{sidecarPath}:{entry.Start.Line}: '{text}' is not 'RDYxxxx@line' (optionally prefixed by FN or FP).");
            result.Add(new Expectation(int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["id"].Value, KindOf(m.Groups["kind"].Value)));
        }
        return result;
    }

    private static ExpectationKind KindOf(string marker) => marker switch
    {
        "FN" => ExpectationKind.FalseNegative,
        "FP" => ExpectationKind.FalsePositive,
        "Undecided" => ExpectationKind.Undecided,
        _ => ExpectationKind.Noncompliant,
    };
}

/// <summary>Compares findings with expectations, the same way for every verifier; returns the problems, one per line.</summary>
public static class AnnotationCheck
{
    public static List<string> Compare(IReadOnlyList<Expectation> expectations, IReadOnlyList<Finding> findings, Func<Finding, int> lineOf, string where)
    {
        var problems = new List<string>();
        var remaining = findings.ToList();
        foreach (var e in expectations.Where(e => e.Kind is ExpectationKind.Noncompliant or ExpectationKind.Undecided))
        {
            var found = remaining.FirstOrDefault(f => e.Matches(lineOf(f), f.RuleId, f.Undecided));
            if (found is null)
            {
                problems.Add($"  missing: {where}:{e.Line} {e.RuleId}{(e.Kind == ExpectationKind.Undecided ? " (undecided)" : "")}");
                continue;
            }
            remaining.Remove(found);
            if (e.Message is not null && found.Message != e.Message)
                problems.Add($"  wrong message: {where}:{e.Line} {e.RuleId}\n    expected: {e.Message}\n    actual:   {found.Message}");
        }
        foreach (var f in remaining)
        {
            bool Marked(ExpectationKind kind) => expectations.Any(e => e.Kind == kind && e.Line == lineOf(f) && e.RuleId == f.RuleId);
            if (Marked(ExpectationKind.FalsePositive)) continue;
            problems.Add(Marked(ExpectationKind.FalseNegative)
                ? $"  now found, remove its FN mark: {where}:{lineOf(f)} {f.RuleId}"
                : $"  unexpected: {where}:{lineOf(f)} {f.RuleId}{(f.Undecided ? " (undecided)" : "")}: {f.Message}");
        }
        return problems;
    }
}
