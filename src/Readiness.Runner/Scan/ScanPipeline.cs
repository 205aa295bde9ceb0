using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Baselines;
using Readiness.Runner.Configuration;
using Readiness.Runner.Results;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Runner.Sources.Files;
using Readiness.Runner.Sources.Http;
using Readiness.Runner.Sources.Terraform;
using Readiness.Runner.Storage;
using Readiness.Runner.Suppressions;

namespace Readiness.Runner.Scan;

/// <summary>
/// The scan, in the order the design fixes: sources collect (one walk of the tree feeds the file rules and the
/// file-based sources), the model rules judge, then what applies after the rules (suppressions, baselines) runs,
/// and the verdict is decided. Reporters only render the result.
/// </summary>
public sealed class ScanPipeline(ScanOptions options, Ruleset ruleset)
{
    /// <summary>The evidence sources of this scan besides the file rules. New sources are registered here.</summary>
    public static IReadOnlyList<IEvidenceSource> EvidenceSources(ScanOptions options, Ruleset ruleset) =>
    [
        new TerraformSource(new TerraformOptions { Root = options.Path, VarFiles = options.VarFiles, PlanFiles = options.TerraformPlans }),
        new CloudFormationSource(),
        .. AwsSettings.Sources(options, ruleset),
        .. new IEvidenceSource?[]
        {
            HttpTargetsConfig.Source(options.Urls, options.Insecure, options.HttpLimits, ruleset.Sections.GetValueOrDefault(HttpTargetsConfig.Section)),
        }.OfType<IEvidenceSource>(),
    ];

    public async Task<ScanResult> RunAsync(Action<int>? fileProgress = null, CancellationToken cancellationToken = default)
    {
        var startedAt = options.Now ?? DateTimeOffset.UtcNow;
        var root = Path.GetFullPath(options.Path);
        var sources = EvidenceSources(options, ruleset);
        var collector = new EvidenceCollector();
        var engine = new RuleEngine(ruleset.Rules, startedAt);

        // Configuration mistakes and an unreadable baseline fail before the (possibly long) collection starts.
        var today = DateOnly.FromDateTime(startedAt.UtcDateTime);
        var policy = SuppressionPolicy.From(ruleset);
        var suppressions = new SuppressionFiles(RuleCatalog.Default, policy, today).Load(options.Suppressions, root);
        var inline = new InlineSuppressionScanner();
        var baseline = ReadBaseline();

        if (Directory.Exists(root))
        {
            var walker = new FileWalker(new FileWalkOptions
            {
                MaxFileBytes = options.MaxFileBytes,
                ExcludedPaths = ReportStore.IsS3(options.OutputDir) ? [] : [Path.GetFullPath(options.OutputDir)],
            });
            walker.Walk(root, file =>
            {
                engine.CheckFile(file);
                inline.Observe(file);
                foreach (var source in sources) source.Observe(file);
            }, collector.Coverage, fileProgress, cancellationToken);
        }
        else
        {
            collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Code, options.Path, "folder does not exist"));
        }

        await Task.WhenAll(sources.Select(s => CollectSafely(s, collector, cancellationToken)));
        var collected = collector.Resources;
        foreach (var linker in sources.OfType<IResourceLinker>()) linker.Link(collected, collector.Coverage);

        var evidence = new Evidence { Cloud = new CloudInventory(collected), Http = collector.HttpTargets };
        engine.CheckModel(evidence);
        var (findings, errors) = engine.Complete();
        foreach (var gap in engine.Gaps) collector.Coverage.AddGap(gap);

        var activeRules = ruleset.Rules.Select(r => r.Rule.Id).ToHashSet(StringComparer.Ordinal);
        var (judged, warnings) = new Suppressor(suppressions, inline, policy, today)
            .Apply(findings.Select(f => new ResultFinding { Finding = f }).ToList(), activeRules);

        var result = new ScanResult
        {
            StartedAt = startedAt,
            FinishedAt = options.Now ?? DateTimeOffset.UtcNow,
            Target = options.Path,
            Ruleset = ruleset.Name,
            FailOn = options.FailOn ?? Severity.Critical,
            Verdict = new Verdict { Status = VerdictStatus.Ready },
            Rules = ruleset.Rules.Select(RuleSummary.From).ToList(),
            Findings = judged,
            Coverage = CoverageReport.From(collector.Coverage),
            EngineErrors = errors,
            HttpTargets = evidence.Http.Count == 0 ? null : evidence.Http.Select(HttpTargetSummary.From).OrderBy(t => t.Url, StringComparer.Ordinal).ToList(),
            Warnings = warnings,
        };
        if (options.Baseline is { } baselineSource) result = BaselineComparison.Apply(result, baseline, baselineSource);
        return result with { Verdict = Decide(result) };
    }

    private ScanResult? ReadBaseline()
    {
        if (options.Baseline is not { } location) return null;
        var previous = ReportStore.ReadResults(location);
        if (previous is null && !options.AllowMissingBaseline)
            throw new ConfigurationError(location, 0, "--baseline: no results.json there; point it at a previous scan's results.json (or its folder), or pass --allow-missing-baseline for the first run.");
        return previous;
    }

    // A source that throws has not looked: that is a gap with its reason, not an empty, passing result.
    private static async Task CollectSafely(IEvidenceSource source, EvidenceCollector collector, CancellationToken cancellationToken)
    {
        try
        {
            await source.CollectAsync(collector, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Code, source.Name, $"evidence source failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    /// <summary>The gate: engine errors and (unless allowed) coverage gaps make the scan fail (2); blocking findings make it not ready (1).</summary>
    public Verdict Decide(ScanResult result)
    {
        // With --fail-on-new only findings the baseline did not have block: an existing system adopts the gate without
        // first fixing its backlog.
        var gated = options.FailOnNew ? result.Active.Where(f => f.BaselineState == BaselineComparison.New) : result.Active;
        var blocking = options.FailOn is { } failOn ? gated.Count(f => f.Finding.Severity >= failOn) : 0;
        var reasons = new List<string>();
        foreach (var e in result.EngineErrors) reasons.Add($"Rule {e.RuleId} failed on {e.Target}: {e.Message}");
        if (reasons.Count > 0) return new Verdict { Status = VerdictStatus.Error, Blocking = blocking, Reasons = reasons };
        if (result.Coverage.Gaps.Count > 0 && !options.AllowIncomplete)
        {
            reasons.AddRange(result.Coverage.Gaps.Select(g => "Could not look at " + g.Display()));
            return new Verdict { Status = VerdictStatus.Incomplete, Blocking = blocking, Reasons = reasons };
        }
        return new Verdict { Status = blocking > 0 ? VerdictStatus.NotReady : VerdictStatus.Ready, Blocking = blocking };
    }
}
