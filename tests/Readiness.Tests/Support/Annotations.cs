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
}

public sealed record Expectation(int Line, string RuleId, ExpectationKind Kind);

/// <summary>
/// Reads what a fixture expects: <c>Noncompliant RDY1101</c> / <c>FN</c> / <c>FP</c> comments on the lines, or, for
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

    [GeneratedRegex(@"\b(?<kind>Noncompliant|FN|FP)(?:@(?<offset>[+-]\d+))?(?<ids>(?:[\s,]+RDY\d{4})*)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"RDY\d{4}")]
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
                result.AddRange(ids.Select(id => new Expectation(target, id, KindOf(m.Groups["kind"].Value))));
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
        _ => ExpectationKind.Noncompliant,
    };
}
