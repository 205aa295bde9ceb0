using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Rules.Text;

namespace Readiness.Tests.Secrets;

/// <summary>
/// Every detector in detectors.yaml is judged against its own true and false samples, alone and inside the whole
/// catalog (so a more specific detector claiming the span, or the keyword prefilter, cannot silently starve it).
/// Failures name the detector and sample; samples are shown only as redacted previews.
/// </summary>
public class DetectorSampleTests
{
    public static TheoryData<string> DetectorIds()
    {
        var data = new TheoryData<string>();
        foreach (var d in DetectorCatalog.Detectors) data.Add(d.Id);
        return data;
    }

    private static Detector ById(string id) => DetectorCatalog.Detectors.Single(d => d.Id == id);

    private static SourceFile SampleFile(string text) => new("detector-sample.txt", text);

    [Theory]
    [MemberData(nameof(DetectorIds))]
    public void True_samples_are_found_by_the_detector_alone(string id)
    {
        var detector = ById(id);
        detector.TrueSamples.ShouldNotBeEmpty($"{id} has no true sample");
        for (var i = 0; i < detector.TrueSamples.Count; i++)
        {
            var scan = SecretScanner.Scan(SampleFile(detector.TrueSamples[i]), [detector]);
            scan.Hits.Any(h => h.DetectorId == id && h.Kind == detector.Kind)
                .ShouldBeTrue($"{id} missed its true sample #{i + 1} ({Redaction.Preview(detector.TrueSamples[i])})");
        }
    }

    [Theory]
    [MemberData(nameof(DetectorIds))]
    public void True_samples_are_found_through_the_whole_catalog(string id)
    {
        var detector = ById(id);
        for (var i = 0; i < detector.TrueSamples.Count; i++)
        {
            var scan = SecretScanner.Scan(SampleFile(detector.TrueSamples[i]));
            scan.Hits.Any(h => h.DetectorId == id).ShouldBeTrue(
                $"{id} true sample #{i + 1} ({Redaction.Preview(detector.TrueSamples[i])}) was claimed by [{string.Join(", ", scan.Hits.Select(h => h.DetectorId))}] instead");
        }
    }

    [Theory]
    [MemberData(nameof(DetectorIds))]
    public void False_samples_are_not_reported(string id)
    {
        var detector = ById(id);
        detector.FalseSamples.ShouldNotBeEmpty($"{id} has no false sample");
        for (var i = 0; i < detector.FalseSamples.Count; i++)
        {
            var scan = SecretScanner.Scan(SampleFile(detector.FalseSamples[i]), [detector]);
            scan.Hits.ShouldBeEmpty($"{id} reported its false sample #{i + 1} ({Redaction.Preview(detector.FalseSamples[i])})");
        }
    }

    [Fact]
    public void Catalog_has_at_least_sixty_detectors_mapped_to_secret_rules()
    {
        var detectors = DetectorCatalog.Detectors;
        detectors.Count.ShouldBeGreaterThanOrEqualTo(60);
        foreach (var d in detectors)
        {
            d.Kind.ShouldBeOneOf([SecretKind.Provider, SecretKind.PrivateKey, SecretKind.ConnectionPassword], $"{d.Id} has an unexpected kind");
            _ = d.Regex; // compiles
            d.Regex.MatchTimeout.ShouldBe(Detector.MatchTimeout);
        }
    }

    [Fact]
    public void Findings_never_carry_a_whole_secret()
    {
        var rules = RuleCatalog.Default.Rules.OfType<FileRule>().Where(r => r.Id.StartsWith("RDY10", StringComparison.Ordinal)).ToList();
        foreach (var detector in DetectorCatalog.Detectors)
        {
            foreach (var sample in detector.TrueSamples)
            {
                var file = SampleFile(sample);
                var secrets = SecretScanner.Scan(file).Hits.Select(h => h.Value).Where(v => v.Length > 8).ToList();
                var engine = new RuleEngine(rules.Select(ActiveRule.WithDefaults));
                engine.CheckFile(file);
                var (findings, errors) = engine.Complete();
                errors.ShouldBeEmpty();
                findings.ShouldNotBeEmpty($"{detector.Id}: no finding for a true sample");
                foreach (var f in findings)
                {
                    var visible = string.Join("\n", [f.Message, f.Snippet ?? "", f.FingerprintKey ?? "", .. f.Properties.Values]);
                    foreach (var secret in secrets)
                        visible.Contains(secret, StringComparison.Ordinal).ShouldBeFalse($"{f.RuleId}/{detector.Id} shows the whole secret {Redaction.Preview(secret)}");
                    f.FingerprintKey!.ShouldStartWith("hmac:");
                    f.Message.ShouldEndWith(".");
                }
            }
        }
    }
}
