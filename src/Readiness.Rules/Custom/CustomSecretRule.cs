using Readiness.Rules.Catalog.Secrets;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Rules.Text;

namespace Readiness.Rules.Custom;

/// <summary>
/// A secret detector a ruleset declares (custom.secrets). It joins the shared secret scan (same keyword prefilter,
/// regex time limit as a coverage gap, redaction and keyed hash), claiming its spans before the shipped detectors, and
/// reports only its own hits. Its samples are judged every time the ruleset loads, as the shipped detectors' are.
/// </summary>
public sealed class CustomSecretRule : SecretRule
{
    public CustomSecretRule(RuleMetadata metadata, Detector detector)
    {
        Metadata = metadata;
        Detector = detector;
    }

    public Detector Detector { get; }

    protected override SecretKind Kind => SecretKind.Custom;

    // The rule's own true samples (in the ruleset file, in docs) are examples, not leaks.
    protected override bool Accept(SecretHit hit, SourceFile file, RuleContext context) =>
        hit.DetectorId == Detector.Id && !Detector.TrueSamples.Any(s => s.Contains(hit.Value, StringComparison.Ordinal));

    protected override string Message(SecretHit hit, SourceFile file, string preview) =>
        $"{Metadata.Title} ({preview}) is committed in {file.Path}; revoke it where it was issued, then load it from a secret store or the environment at run time.";

    /// <summary>What a sample check found wrong, one sentence each (samples shown only as redacted previews); empty when all are judged right.</summary>
    public IReadOnlyList<SampleResult> CheckSamples(DetectorSet scanSet)
    {
        var results = new List<SampleResult>();
        for (var i = 0; i < Detector.TrueSamples.Count; i++)
        {
            var sample = Detector.TrueSamples[i];
            var alone = Finds(SecretScanner.Scan(SampleFile(sample), [Detector]));
            var together = Finds(SecretScanner.Scan(SampleFile(sample), scanSet));
            results.Add(new SampleResult(true, i, sample, alone && together, !alone
                ? $"true sample #{i + 1} ({Redaction.Preview(sample)}) is not found by the regex and keywords"
                : $"true sample #{i + 1} ({Redaction.Preview(sample)}) is claimed by another detector in the scan"));
        }
        for (var i = 0; i < Detector.FalseSamples.Count; i++)
        {
            var sample = Detector.FalseSamples[i];
            var found = Finds(SecretScanner.Scan(SampleFile(sample), [Detector]));
            results.Add(new SampleResult(false, i, sample, !found, $"false sample #{i + 1} ({Redaction.Preview(sample)}) is reported as a secret"));
        }
        return results;
    }

    private bool Finds(SecretScan scan) => scan.Hits.Any(h => h.DetectorId == Detector.Id && h.Kind == SecretKind.Custom);

    private static SourceFile SampleFile(string text) => new("detector-sample.txt", text);
}

/// <summary>One sample's check: which list and position it has, whether it was judged right, and what is wrong when not.</summary>
public sealed record SampleResult(bool IsTrueSample, int Index, string Sample, bool Passed, string Problem);
