using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Drift;
using Readiness.Runner.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Reporting;

/// <summary>
/// results.json is written by a source-generated writer and read back by reflection: the two must agree on every
/// member, enum name and escape, or a baseline would no longer match the scan that wrote it.
/// </summary>
public class ResultsJsonTests
{
    // Every optional member set, every enum value used, text that the default encoder would escape.
    private static ScanResult Full()
    {
        var result = SyntheticResults.Create();
        var related = result.Findings[0].Finding with
        {
            Properties = new Dictionary<string, string> { ["detector"] = "généric <key> & 'quoted' +1", ["example_root"] = "examples/complete" },
            Location = Location.InFile("modules/db/main.tf", 4) with
            {
                Related = [new RelatedLocation(new FileSpan("envs/prod.tfvars", 2, 2), "module argument")],
                Field = "DescribeDBInstances.DBInstances[].PubliclyAccessible",
            },
            Undecided = true,
        };
        return result with
        {
            FailOn = null,
            FailOnNew = true,
            Verdict = result.Verdict with { Status = VerdictStatus.NotReady },
            Findings = [.. result.Findings, new ResultFinding { Finding = related, Blocking = true }],
            Accounts = Enum.GetValues<AccountStatus>()
                .Select((status, i) => new AccountSummary { Id = $"12345678901{i}", Name = i == 0 ? null : "prod ü", Role = "ReadinessAudit", Status = status, Resources = i, Shard = "shards/a/results.json" })
                .ToList(),
            EngineErrors = [new EngineError("RDY9001", "api/app.py", "rule threw: NullReferenceException")],
            Warnings = [new ScanWarning("unused-suppression", ".readiness/suppressions.yaml:3", "Remove the entry: nothing matches it.")],
            Baseline = new BaselineInfo { Source = "s3://bucket/nightly/results.json", StartedAt = SyntheticResults.Now.AddDays(-1) },
        };
    }

    [Fact]
    public void Generated_writer_writes_what_reflection_writes_with_the_same_options()
    {
        foreach (var result in new[] { Full(), SyntheticResults.Create(), GoldenReportTests.FixtureScan() })
            ResultsJson.Serialize(result).ShouldBe(JsonSerializer.Serialize(result, ResultsJson.Options));
    }

    [Fact]
    public void A_large_result_reaches_the_file_in_few_large_writes_and_the_same_bytes()
    {
        // A standard library's coverage lists 16,716 skipped files: written through the stream, the JSON writer's
        // flushes made one write system call per 170 bytes. One value longer than a write chunk goes through too.
        var coverage = new Coverage();
        for (var i = 0; i < 20_000; i++) coverage.AddSkip(new CoverageSkip(EvidenceSource.Code, $"pkg/__pycache__/module{i}.pyc", "binary file"));
        coverage.AddGap(new CoverageGap(EvidenceSource.Code, new string('x', 200_000), "path too long"));
        var result = SyntheticResults.Create() with { Coverage = CoverageReport.From(coverage) };

        using var file = new CountingStream();
        ResultsJson.Serialize(file, result);

        var expected = JsonSerializer.Serialize(result, ResultsJson.Options);
        System.Text.Encoding.UTF8.GetString(file.ToArray()).ShouldBe(expected);
        file.Writes.ShouldBeLessThanOrEqualTo(expected.Length / 65_536 + 3);
    }

    [Fact]
    public void Coverage_is_listed_in_one_order_whatever_order_the_walk_recorded_it_in()
    {
        var skips = new[]
        {
            new CoverageSkip(EvidenceSource.Iac, "b.tf", "too large"),
            new CoverageSkip(EvidenceSource.Code, "b.py", "binary file"),
            new CoverageSkip(EvidenceSource.Code, "a.py", "too large"),
            new CoverageSkip(EvidenceSource.Code, "a.py", "binary file"),
        };
        var gaps = new[]
        {
            new CoverageGap(EvidenceSource.Code, "x.yaml", "syntax error") { Line = 3, Column = 9 },
            new CoverageGap(EvidenceSource.Code, "x.yaml", "syntax error") { Line = 3, Column = 2 },
            new CoverageGap(EvidenceSource.Code, "x.yaml", "depth limit") { Line = 3, Column = 2 },
            new CoverageGap(EvidenceSource.Code, "w.yaml", "syntax error") { Line = 7 },
        };
        CoverageReport Report(IEnumerable<CoverageSkip> s, IEnumerable<CoverageGap> g)
        {
            var coverage = new Coverage();
            foreach (var skip in s) coverage.AddSkip(skip);
            foreach (var gap in g) coverage.AddGap(gap);
            return CoverageReport.From(coverage);
        }

        var forward = Report(skips, gaps);
        var backward = Report(skips.Reverse(), gaps.Reverse());
        forward.Skipped.Select(s => $"{s.Source} {s.Scope} {s.Reason}").ShouldBe(["Code a.py binary file", "Code a.py too large", "Code b.py binary file", "Iac b.tf too large"]);
        backward.Skipped.ShouldBe(forward.Skipped);
        forward.Gaps.Select(g => g.Display()).ShouldBe(["w.yaml:7: syntax error", "x.yaml:3:2: depth limit", "x.yaml:3:2: syntax error", "x.yaml:3:9: syntax error"]);
        backward.Gaps.ShouldBe(forward.Gaps);
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) { Writes++; base.Write(buffer, offset, count); }

        public override void Write(ReadOnlySpan<byte> buffer) { Writes++; base.Write(buffer); }
    }

    [Fact]
    public void Everything_written_reads_back()
    {
        var result = Full();
        var json = ResultsJson.Serialize(result);
        json.ShouldContain("\"failOn\": \"none\"");
        json.ShouldContain("\"status\": \"role-not-assumed\"");
        json.ShouldContain("généric <key> & 'quoted' +1");

        var back = ResultsJson.Read(json);
        back.FailOn.ShouldBeNull();
        back.Verdict.Status.ShouldBe(VerdictStatus.NotReady);
        back.Accounts!.Select(a => a.Status).ShouldBe(Enum.GetValues<AccountStatus>());
        ResultsJson.Serialize(back).ShouldBe(json);
    }

    [Theory]
    [InlineData("\"high\"", Severity.High)]
    [InlineData("\"Critical\"", Severity.Critical)]
    [InlineData("\"none\"", null)]
    [InlineData("null", null)]
    public void FailOn_reads_a_severity_name_or_none(string value, Severity? expected) =>
        ResultsJson.Read(MinimalWith($"\"failOn\": {value},")).FailOn.ShouldBe(expected);

    [Fact]
    public void FailOn_missing_from_the_file_is_the_default_threshold() =>
        ResultsJson.Read(MinimalWith("")).FailOn.ShouldBe(Severity.High);

    [Fact]
    public void FailOn_with_an_unknown_severity_is_a_json_error_naming_it() =>
        Should.Throw<JsonException>(() => ResultsJson.Read(MinimalWith("\"failOn\": \"severe\","))).Message.ShouldContain("unknown severity 'severe'");

    [Theory]
    [InlineData("\"not-ready\"", VerdictStatus.NotReady)]
    [InlineData("\"NOT-READY\"", VerdictStatus.NotReady)]
    [InlineData("\"NotReady\"", VerdictStatus.NotReady)]
    [InlineData("\"incomplete\"", VerdictStatus.Incomplete)]
    [InlineData("3", VerdictStatus.Error)]
    public void An_enum_reads_its_kebab_name_in_any_case_its_member_name_or_a_number(string json, VerdictStatus expected)
    {
        JsonSerializer.Deserialize<VerdictStatus>(json).ShouldBe(expected);
        JsonSerializer.Serialize(expected).ShouldBe("\"" + JsonNamingPolicy.KebabCaseLower.ConvertName(expected.ToString()) + "\"");
    }

    [Fact]
    public void An_enum_name_that_is_not_a_member_is_a_json_error_listing_the_members() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<VerdictStatus>("\"almost-ready\"")).Message
            .ShouldContain("'almost-ready' is not a VerdictStatus: one of ready, not-ready, incomplete, error");

    // An enum without its converter would be written as a number: the fast path takes no converter from options.
    [Fact]
    public void Every_enum_in_results_and_drift_carries_the_kebab_case_converter()
    {
        var enums = new HashSet<Type>();
        var seen = new HashSet<Type>();
        void Walk(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type == typeof(string)) return;
            if (type.IsEnum) { enums.Add(type); return; }
            if (type.IsGenericType) foreach (var argument in type.GetGenericArguments()) Walk(argument);
            if (type.Namespace?.StartsWith("Readiness", StringComparison.Ordinal) != true) return;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)) Walk(property.PropertyType);
        }
        Walk(typeof(ScanResult));
        Walk(typeof(DriftReport));

        enums.ShouldBe([typeof(Severity), typeof(EvidenceSource), typeof(VerdictStatus), typeof(AccountStatus)], ignoreOrder: true);
        foreach (var type in enums)
            type.GetCustomAttribute<JsonConverterAttribute>().ShouldNotBeNull(type.Name).ConverterType.ShouldBe(typeof(KebabCaseEnumConverter<>).MakeGenericType(type), type.Name);
    }

    private static string MinimalWith(string member) => $$"""
        {
          "startedAt": "2026-11-01T09:00:00+00:00",
          "finishedAt": "2026-11-01T09:00:04+00:00",
          "target": "x",
          "ruleset": "launch-readiness",
          {{member}}
          "verdict": { "status": "ready" }
        }
        """;
}
