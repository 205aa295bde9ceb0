using Readiness.Rules.Model;
using Readiness.Runner.Sources.Http;

namespace Readiness.Runner.Scan;

/// <summary>Everything `readiness scan` was asked to do.</summary>
public sealed record ScanOptions
{
    public string Path { get; init; } = ".";

    /// <summary>A ruleset name or file; null means .readiness/ruleset.yaml if present, else launch-readiness.</summary>
    public string? Ruleset { get; init; }

    /// <summary>Report formats besides the console: json, sarif, html, md, junit.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];
    public string OutputDir { get; init; } = "readiness-report";

    /// <summary>--stdout FORMAT: write that report (json, sarif, md, junit) to standard output, the console report to stderr.</summary>
    public string? StdoutFormat { get; init; }

    /// <summary>--no-color: never colour the console report (NO_COLOR and a pipe do the same).</summary>
    public bool NoColor { get; init; }

    /// <summary>--quiet: print only the verdict line, coverage gaps and engine errors.</summary>
    public bool Quiet { get; init; }

    /// <summary>The lowest severity that blocks the launch; null for --fail-on none.</summary>
    public Severity? FailOn { get; init; } = Severity.High;

    /// <summary>Report coverage gaps but do not fail the scan for them.</summary>
    public bool AllowIncomplete { get; init; }

    /// <summary>Keep suppressed findings in results.sarif, marked as suppressed (GitHub would open them as alerts).</summary>
    public bool SarifIncludeSuppressed { get; init; }

    /// <summary>A file the Markdown summary is appended to ($GITHUB_STEP_SUMMARY in GitHub Actions); null for none.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary>Terraform var files (--var-file, repeatable), applied after terraform.tfvars and *.auto.tfvars.</summary>
    public IReadOnlyList<string> VarFiles { get; init; } = [];

    /// <summary>Terraform plan JSON files (--terraform-plan, from `terraform show -json plan.out`).</summary>
    public IReadOnlyList<string> TerraformPlans { get; init; } = [];

    /// <summary>--exclude globs (repeatable, .gitignore semantics, relative to Path), besides the ruleset's paths.exclude.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Live HTTP targets from --url (repeatable), probed besides those under targets.http in the ruleset.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>--insecure: accept TLS certificates that do not validate (staging); every report shows it per target.</summary>
    public bool Insecure { get; init; }

    /// <summary>HTTP probe limits from the command line; unset values come from the ruleset, then the defaults.</summary>
    public HttpProbeLimits HttpLimits { get; init; } = new();

    /// <summary>Live AWS collection (--aws); null when the scan does not read live accounts.</summary>
    public Sources.Aws.AwsCollectOptions? AwsLive { get; init; }

    /// <summary>Recorded AWS inventories to judge offline (--aws-inventory).</summary>
    public IReadOnlyList<string> AwsInventories { get; init; } = [];

    /// <summary>Folder (or single file) of per-rule suppression files; null means .readiness/suppressions under Path.</summary>
    public string? Suppressions { get; init; }

    /// <summary>Previous results.json (a file, a folder holding one, or s3://bucket/prefix) to mark findings new or unchanged.</summary>
    public string? Baseline { get; init; }

    /// <summary>Without a baseline at that place, treat every finding as new instead of failing (the first night).</summary>
    public bool AllowMissingBaseline { get; init; }

    /// <summary>Gate only on findings that are new against the baseline.</summary>
    public bool FailOnNew { get; init; }

    /// <summary>Fixed clock for reproducible output (tests and golden files); null means now.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The key secrets are hashed under in this scan's findings; null: <see cref="Readiness.Runner.Scan.SecretHashKey.Resolve(string)"/> (environment, repository, installation).</summary>
    public byte[]? SecretHashKey { get; init; }
}
