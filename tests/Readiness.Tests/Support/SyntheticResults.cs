using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Tests.Support;

/// <summary>
/// A scan result built in memory with every kind of evidence the reports must handle: code, IaC linked to live AWS,
/// live AWS without a file, HTTP, suppressed and expired suppressions, baseline drift, coverage gaps, and hostile text
/// (markup in paths, snippets and messages) that must stay text in every format.
/// </summary>
public static class SyntheticResults
{
    public const string Hostile = "<img src=x onerror=alert(1)>";
    public const string HostileScript = "</script><script>alert('pwned')</script>";
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly RuleSummary[] Rules =
    [
        new() { Id = "RDY9001", Name = "SyntheticCodeRule", Title = "Synthetic code rule", Severity = Severity.High, Tags = ["code", "python"] },
        new() { Id = "RDY9002", Name = "SyntheticIacRule", Title = "RDS instance is publicly accessible", Severity = Severity.Critical, Tags = ["iac", "aws", "rds"], HelpUri = "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html" },
        new() { Id = "RDY9003", Name = "SyntheticAwsRule", Title = "S3 bucket allows public reads", Severity = Severity.High, Tags = ["aws", "s3"] },
        new() { Id = "RDY9004", Name = "SyntheticHttpRule", Title = "Strict-Transport-Security header is missing", Severity = Severity.Medium, Tags = ["http", "headers"] },
        new() { Id = "RDY9005", Name = "SyntheticLowRule", Title = "Low severity hygiene", Severity = Severity.Low, Tags = ["code"] },
    ];

    private static readonly ResourceRef Database = new()
    {
        Account = "123456789012", Region = "eu-west-2", Service = "rds", Type = "db-instance", Id = "prod-db",
        Arn = "arn:aws:rds:eu-west-2:123456789012:db:prod-db", Address = "aws_db_instance.main",
    };

    private static readonly ResourceRef Bucket = new()
    {
        Account = "123456789012", Region = "eu-west-2", Service = "s3", Type = "bucket", Id = "coco-uploads",
        Arn = "arn:aws:s3:::coco-uploads",
    };

    public static ScanResult Create(int bulkFindings = 0)
    {
        var findings = new List<ResultFinding>
        {
            new()
            {
                Finding = Make("RDY9001", Severity.High, EvidenceSource.Code,
                    $"The file named {Hostile} hardcodes a credential {HostileScript}; read it from the environment.",
                    Location.InFile($"api/{Hostile}.py", 3, 3, 5, 12), snippet: $"password = \"{Hostile}\" # {HostileScript}"),
                BaselineState = "new",
            },
            new()
            {
                Finding = Make("RDY9002", Severity.Critical, EvidenceSource.Iac,
                    "RDS instance aws_db_instance.main is publicly accessible; set publicly_accessible = false.",
                    new Location { File = new FileSpan("infra/rds.tf", 12, 14), Resource = Database }, snippet: "publicly_accessible = true"),
                BaselineState = "unchanged",
            },
            new()
            {
                Finding = Make("RDY9003", Severity.High, EvidenceSource.Aws,
                    "S3 bucket coco-uploads allows public reads through its bucket policy; turn on Block Public Access.",
                    new Location { Resource = Bucket }),
                BaselineState = "new",
            },
            new()
            {
                Finding = Make("RDY9002", Severity.Critical, EvidenceSource.Aws,
                    "Live RDS instance prod-db is publicly accessible; set publicly_accessible = false in infra/rds.tf and apply.",
                    new Location { File = new FileSpan("infra/rds.tf", 12, 14), Resource = Database }),
                BaselineState = "unchanged",
            },
            new()
            {
                Finding = Make("RDY9004", Severity.Medium, EvidenceSource.Http,
                    "https://app.example.com/login does not send Strict-Transport-Security; add max-age=31536000; includeSubDomains.",
                    Location.AtEndpoint("https://app.example.com/login"), snippet: "HTTP/1.1 200 OK\nServer: nginx"),
                BaselineState = "new",
            },
            new()
            {
                Finding = Make("RDY9005", Severity.Low, EvidenceSource.Code,
                    "The test settings in tests/settings.py enable verbose logging; keep them out of production images.",
                    Location.InFile("tests/settings.py", 7)),
                Suppression = new SuppressionInfo
                {
                    Kind = "file", Reason = "Test-only settings, never deployed", Owner = "alice@example.com",
                    Expires = new DateOnly(2027, 6, 30), Ticket = "SEC-42", Source = ".readiness/suppressions.yaml:4",
                },
            },
            new()
            {
                Finding = Make("RDY9001", Severity.High, EvidenceSource.Code,
                    "The file api/legacy.py hardcodes a credential; read it from the environment.",
                    Location.InFile("api/legacy.py", 20)),
                ExpiredSuppression = new SuppressionInfo
                {
                    Kind = "inline", Reason = "Legacy module being removed", Owner = "bob@example.com",
                    Expires = new DateOnly(2026, 10, 1), Source = "api/legacy.py:19",
                },
                BaselineState = "unchanged",
            },
        };
        for (var i = 0; i < bulkFindings; i++)
        {
            var rule = Rules[i % Rules.Length];
            var source = rule.Tags.Contains("http") ? EvidenceSource.Http : rule.Tags.Contains("iac") ? EvidenceSource.Iac : rule.Tags.Contains("aws") ? EvidenceSource.Aws : EvidenceSource.Code;
            var location = source switch
            {
                EvidenceSource.Http => Location.AtEndpoint($"https://app{i}.example.com/"),
                EvidenceSource.Aws => new Location { Resource = Bucket with { Id = $"bucket-{i}", Arn = $"arn:aws:s3:::bucket-{i}" } },
                _ => Location.InFile($"src/module{i / 100}/file{i}.py", i % 400 + 1),
            };
            findings.Add(new ResultFinding
            {
                Finding = Make(rule.Id, rule.Severity, source, $"Generated finding number {i} in {location.Display()}; fix it as the rule says.", location,
                    snippet: $"value_{i} = compute({i})", key: i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            });
        }

        var fixedFinding = new ResultFinding
        {
            Finding = Make("RDY9003", Severity.High, EvidenceSource.Aws,
                "S3 bucket coco-logs allowed public reads; it is fixed now.",
                new Location { Resource = Bucket with { Id = "coco-logs", Arn = "arn:aws:s3:::coco-logs" } }),
        };

        // What ScanPipeline.Decide would mark at --fail-on high.
        findings = findings.Select(f => f with { Blocking = f.Suppression is null && !f.Finding.Undecided && f.Finding.Severity >= Severity.High }).ToList();
        var active = findings.Where(f => f.Suppression is null && !f.Finding.Undecided).ToList();
        return new ScanResult
        {
            StartedAt = Now,
            FinishedAt = Now.AddSeconds(4),
            Target = "samples/synthetic",
            Ruleset = "launch-readiness",
            FailOn = Severity.High,
            Verdict = new Verdict
            {
                Status = VerdictStatus.Incomplete,
                Blocking = active.Count(f => f.Finding.Severity >= Severity.High),
                Reasons = ["Could not look at aws/iam/global: AccessDenied for iam:ListRoles"],
            },
            Rules = Rules,
            HttpTargets =
            [
                new HttpTargetSummary
                {
                    Url = "https://app.example.com/login", Grade = "D", Score = 40,
                    Tests = [new("strict-transport-security", "hsts-not-implemented", -20, "Strict-Transport-Security header is not set."),
                             new("x-content-type-options", "x-content-type-options-nosniff", 0, "X-Content-Type-Options is nosniff.")],
                },
                new HttpTargetSummary { Url = $"https://admin.example.com/{Hostile}", Failure = "connection refused" },
            ],
            Findings = findings,
            Fixed = [fixedFinding],
            Coverage = new CoverageReport
            {
                Counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
                {
                    ["aws.resources"] = 42, ["code.bytes"] = 123_456, ["code.files"] = 17, ["http.targets"] = 1, ["iac.resources"] = 9,
                },
                Gaps = [new CoverageGap(EvidenceSource.Aws, "aws/iam/global", "AccessDenied for iam:ListRoles") ],
                Skipped = [new CoverageSkip(EvidenceSource.Code, "assets/logo.png", "binary file")],
            },
        };
    }

    private static Finding Make(string ruleId, Severity severity, EvidenceSource source, string message, Location location, string? snippet = null, string? key = null) =>
        new()
        {
            RuleId = ruleId,
            Severity = severity,
            Source = source,
            Message = message,
            Location = location,
            Snippet = snippet,
            FingerprintKey = key ?? message,
            Fingerprint = Fingerprints.Hash(string.Join('\n', ruleId, location.Display(), key ?? message)),
        };
}
