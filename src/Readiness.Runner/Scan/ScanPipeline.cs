using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Baselines;
using Readiness.Runner.Configuration;
using Readiness.Runner.Results;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.CloudFormation;
using Readiness.Runner.Sources.Containers;
using Readiness.Runner.Sources.Files;
using Readiness.Runner.Sources.Http;
using Readiness.Runner.Sources.Iac.Cdk;
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
        new CloudFormationSource(options.Path),
        new CdkSource(options.Path),
        new ContainerSource(ContainerSettings.Read(ruleset.Sections.GetValueOrDefault(ContainerSettings.Section))),
        .. AwsSettings.Sources(options, ruleset),
        .. new IEvidenceSource?[]
        {
            HttpTargetsConfig.Source(options.Urls, options.Insecure, options.HttpLimits, ruleset.Sections.GetValueOrDefault(HttpTargetsConfig.Section)),
        }.OfType<IEvidenceSource>(),
    ];

    /// <param name="fileProgress">Files read so far, now and then.</param>
    /// <param name="stage">What the scan does next, in words ("collecting IaC, AWS and HTTP evidence").</param>
    /// <param name="collecting">Called when the sources start collecting, with what they have gathered so far.</param>
    public async Task<ScanResult> RunAsync(Action<int>? fileProgress = null, CancellationToken cancellationToken = default, Action<string>? stage = null,
        Action<string, Func<CollectionCounts>>? collecting = null)
    {
        var startedAt = options.Now ?? DateTimeOffset.UtcNow;
        // A file as PATH is scanned as its folder with every other entry left out, so the walker treats it as usual.
        var target = Path.GetFullPath(options.Path);
        var isFile = File.Exists(target);
        var root = isFile ? Path.GetDirectoryName(target)! : target;
        // This scan's key: the work below (rules, sources) hashes secrets under it, another scan in the process under its own.
        using var redaction = Readiness.Rules.Text.Redaction.UseKey(options.SecretHashKey ?? SecretHashKey.Resolve(root));
        var sources = EvidenceSources(options with { Path = isFile ? root : options.Path }, ruleset);
        var collector = new EvidenceCollector();
        var engine = new RuleEngine(ruleset.Rules, startedAt);

        // Configuration mistakes and an unreadable baseline fail before the (possibly long) collection starts.
        var today = DateOnly.FromDateTime(startedAt.UtcDateTime);
        var policy = SuppressionPolicy.From(ruleset);
        var suppressions = new SuppressionFiles(ruleset.Catalog, policy, today).Load(options.Suppressions, root);
        var inline = new InlineSuppressionScanner();
        var baseline = ReadBaseline();

        if (Directory.Exists(root))
        {
            var walker = new FileWalker(new FileWalkOptions
            {
                MaxFileBytes = options.MaxFileBytes,
                PolicyExcludes = options.Excludes,
                ProjectExcludes = PathsPolicy.Excludes(ruleset),
                ProjectPrefix = ProjectSettings.PrefixFor(PathsPolicy.DeclaredIn(ruleset), root),
                ExcludedPaths =
                [
                    .. ReportStore.IsS3(options.OutputDir) ? [] : new[] { Path.GetFullPath(options.OutputDir) },
                    .. isFile ? Directory.EnumerateFileSystemEntries(root).Where(e => e != target) : [],
                ],
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

        collecting?.Invoke("collecting " + string.Join(", ", sources.Select(s => s.Name)), () => collector.Counts);
        await Task.WhenAll(sources.Select(s => CollectSafely(s, collector, cancellationToken)));
        var collected = collector.Resources;
        foreach (var linker in sources.OfType<IResourceLinker>()) linker.Link(collected, collector.Coverage);

        var evidence = new Evidence { Cloud = new CloudInventory(collected), Http = collector.HttpTargets, Containers = collector.Containers };
        stage?.Invoke($"judging {collected.Count:N0} resources");
        engine.CheckModel(evidence);
        var (findings, errors) = engine.Complete();
        if (policy.ExampleRoots == ExampleRoots.Ignore) findings = findings.Where(f => !f.IsExample()).ToList();
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
            FailOn = options.FailOn,
            FailOnNew = options.FailOnNew,
            Verdict = new Verdict { Status = VerdictStatus.Ready },
            Rules = ruleset.Rules.Select(RuleSummary.From).ToList(),
            Findings = judged,
            Coverage = CoverageReport.From(collector.Coverage),
            Accounts = collector.Accounts.Count == 0 ? null : collector.Accounts.OrderBy(a => a.Id, StringComparer.Ordinal).ToList(),
            EngineErrors = errors,
            HttpTargets = evidence.Http.Count == 0 ? null : evidence.Http.Select(HttpTargetSummary.From).OrderBy(t => t.Url, StringComparer.Ordinal).ToList(),
            Warnings = warnings,
        };
        if (options.Baseline is { } baselineSource) result = BaselineComparison.Apply(result, baseline, baselineSource);
        return Decide(result);
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

    /// <summary>
    /// The gate, decided once: marks each finding that blocks the launch, then the verdict. Engine errors and (unless
    /// allowed) coverage gaps make the scan fail (2); blocking findings make it not ready (1). Reporters only render this.
    /// </summary>
    public ScanResult Decide(ScanResult result)
    {
        var examplesBlock = SuppressionPolicy.From(ruleset).ExampleRoots == ExampleRoots.Block;
        var findings = result.Findings.Select(f => f with { Blocking = Blocks(f, examplesBlock) }).ToList();
        // Fixed findings come from the baseline, where they may have blocked; they block nothing now.
        var decided = result with
        {
            FailOn = options.FailOn,
            FailOnNew = options.FailOnNew,
            Findings = findings,
            Fixed = result.Fixed.Select(f => f with { Blocking = false }).ToList(),
        };
        return decided with { Verdict = VerdictFor(decided, findings.Count(f => f.Blocking)) };
    }

    /// <summary>Whether one finding blocks: each reason a finding does not block is one condition here.</summary>
    private bool Blocks(ResultFinding f, bool examplesBlock) =>
        options.FailOn is { } failOn
        && f.Finding.Severity >= failOn
        && f.Suppression is null
        && !f.Finding.Undecided
        // Example roots of a module library show how it is used; their findings block only when the policy says so.
        && (!f.Finding.IsExample() || examplesBlock)
        // With --fail-on-new only findings the baseline did not have block: an existing system adopts the gate
        // without first fixing its backlog.
        && (!options.FailOnNew || f.BaselineState == BaselineComparison.New);

    private Verdict VerdictFor(ScanResult result, int blocking)
    {
        var reasons = result.EngineErrors.Select(e => $"Rule {e.RuleId} failed on {e.Target}: {e.Message}").ToList();
        if (reasons.Count > 0) return new Verdict { Status = VerdictStatus.Error, Blocking = blocking, Reasons = reasons };
        if (result.Coverage.Gaps.Count > 0 && !options.AllowIncomplete)
        {
            reasons.AddRange(result.Coverage.Gaps.Select(g => "Could not look at " + g.Display()));
            return new Verdict { Status = VerdictStatus.Incomplete, Blocking = blocking, Reasons = reasons };
        }
        return new Verdict { Status = blocking > 0 ? VerdictStatus.NotReady : VerdictStatus.Ready, Blocking = blocking };
    }
}
