using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Runner.Configuration;
using Readiness.Tests.Support;

namespace Readiness.Tests.Engine;

/// <summary>Guards the whole rule set: ids, names, files, docs, fixtures and rulesets agree.</summary>
public class CatalogTests
{
    private static readonly IReadOnlyList<Rule> Rules = RuleCatalog.Default.Rules;

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var r in Rules) data.Add(r.Id);
        return data;
    }

    [Fact]
    public void Catalog_has_rules_with_unique_ids_and_names()
    {
        Rules.ShouldNotBeEmpty();
        Rules.Select(r => r.Id).ShouldBeUnique();
        Rules.Select(r => r.Metadata.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_source_file_is_named_after_id_and_class(string id)
    {
        var rule = RuleCatalog.Default.Find(id)!;
        var expected = $"{id}.{rule.GetType().Name}";
        var catalogDir = Path.Combine(TestPaths.Repo, "src", "Readiness.Rules", "Catalog");
        Directory.GetFiles(catalogDir, expected + ".cs", SearchOption.AllDirectories).ShouldHaveSingleItem($"{expected}.cs is missing");
        var yaml = Directory.GetFiles(catalogDir, expected + ".yaml", SearchOption.AllDirectories).ShouldHaveSingleItem();
        Path.GetDirectoryName(yaml).ShouldBe(Path.GetDirectoryName(Directory.GetFiles(catalogDir, expected + ".cs", SearchOption.AllDirectories)[0]), "metadata lives beside its rule");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_id_is_in_its_allocated_range(string id)
    {
        var ranges = File.ReadAllLines(Path.Combine(TestPaths.Repo, "docs", "rule-id-ranges.txt"))
            .Select(l => Regex.Match(l, @"^RDY(\d{4})-RDY(\d{4})\s+(\S.*)$"))
            .Where(m => m.Success)
            .Select(m => (From: int.Parse(m.Groups[1].Value), To: int.Parse(m.Groups[2].Value)))
            .ToList();
        ranges.ShouldNotBeEmpty();
        var number = int.Parse(id[3..]);
        ranges.ShouldContain(r => r.From <= number && number <= r.To, $"{id} is outside every range in docs/rule-id-ranges.txt");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_metadata_is_complete(string id)
    {
        var m = RuleCatalog.Default.Find(id)!.Metadata;
        m.Title.ShouldNotEndWith(".");
        m.Rationale.Length.ShouldBeGreaterThan(80, "the rationale explains the risk");
        m.Remediation.Length.ShouldBeGreaterThan(40, "the remediation says what to change");
        m.References.ShouldNotBeEmpty();
        m.Tags.ShouldContain(t => t == "code" || t == "iac" || t == "aws" || t == "http", "a source tag selects the rule in rulesets");
        m.HelpUri.ShouldNotBeNull();
    }

    /// <summary>Issue 15's rules (identity, keys, storage policies, CloudFront origins and logs, RDS TLS, snapshots and versions, certificates, Cognito, operations).</summary>
    public static TheoryData<string> IssueFifteenRules() =>
    [
        "RDY2501", "RDY2502", "RDY2503", "RDY2504", "RDY2505", "RDY2506", "RDY2507", "RDY4501", "RDY4502",
        "RDY2601", "RDY2602", "RDY2603", "RDY2604", "RDY2605", "RDY2606", "RDY2205", "RDY2206", "RDY2207", "RDY2208",
        "RDY2006", "RDY2091", "RDY2007", "RDY4510", "RDY4511", "RDY4512", "RDY4601", "RDY4602", "RDY4603",
        "RDY4701", "RDY4702", "RDY4703", "RDY4704", "RDY4705", "RDY4706", "RDY4707", "RDY4708",
    ];

    [Theory]
    [MemberData(nameof(IssueFifteenRules))]
    public void Issue_fifteen_rules_give_their_fix_in_console_cli_terraform_and_cloudformation_form(string id)
    {
        var remediation = RuleCatalog.Default.Find(id)!.Metadata.Remediation;
        foreach (var form in new[] { "Console:", "CLI:", "Terraform", "CloudFormation" })
            remediation.ShouldContain(form, Case.Sensitive, $"{id}'s remediation gives the {form.TrimEnd(':')} fix");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_fixture_that_expects_it(string id) =>
        ExpectedInFixtures.Value.ShouldContain(id,
            $"no fixture under tests/Readiness.Tests/Fixtures has a Noncompliant (or Undecided) annotation of {id}, nor a sidecar entry that expects it; a mention elsewhere, an FN or an FP mark does not count (see tests/README.md)");

    /// <summary>
    /// Rule ids that some fixture expects to be found: <c>Noncompliant</c>/<c>Undecided</c> annotations, and sidecar
    /// entries that expect a finding (<c>RDY1002@1</c> lists, <c>fail:</c> and <c>findings:</c> sections; not <c>pass:</c>
    /// or FN/FP entries).
    /// </summary>
    private static readonly Lazy<IReadOnlySet<string>> ExpectedInFixtures = new(() =>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path);
            if (Path.GetFileName(path) == Annotations.SidecarName)
            {
                var yaml = new YamlDotNet.RepresentationModel.YamlStream();
                yaml.Load(new StringReader(text));
                foreach (var document in yaml.Documents) CollectExpected(document.RootNode, expecting: false, ids);
                continue;
            }
            if (text.AsSpan(0, Math.Min(text.Length, 8192)).Contains('\0')) continue;
            var relative = Path.GetRelativePath(TestPaths.Fixtures, path).Replace('\\', '/');
            foreach (var e in Annotations.FromComments(new Readiness.Rules.Model.SourceFile(relative, text)))
            {
                if (e.Kind is ExpectationKind.Noncompliant or ExpectationKind.Undecided) ids.Add(e.RuleId);
            }
        }
        return ids;
    });

    private static void CollectExpected(YamlDotNet.RepresentationModel.YamlNode node, bool expecting, HashSet<string> ids)
    {
        switch (node)
        {
            case YamlDotNet.RepresentationModel.YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = key.ToString();
                    if (name is "pass" or "rules") continue;
                    CollectExpected(value, expecting || name is "fail" or "findings", ids);
                }
                break;
            case YamlDotNet.RepresentationModel.YamlSequenceNode list:
                foreach (var item in list.Children) CollectExpected(item, expecting, ids);
                break;
            case YamlDotNet.RepresentationModel.YamlScalarNode scalar when scalar.Value is { } v:
                var m = Regex.Match(v, @"^(?<id>RDY\d{4})(?<at>@\d+)?$");
                if (m.Success && (expecting || m.Groups["at"].Success)) ids.Add(m.Groups["id"].Value);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Default_ruleset_selects_every_rule(string id)
    {
        var ruleset = new RulesetLoader(RuleCatalog.Default).Load("launch-readiness", TestPaths.Repo);
        ruleset.Rules.Select(r => r.Rule.Id).ShouldContain(id);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_listed_in_the_shipped_ledger(string id)
    {
        var ledger = File.ReadAllText(Path.Combine(TestPaths.Repo, "docs", "rules.md"));
        ledger.ShouldContain($"| {id} |", customMessage: $"{id} is missing from docs/rules.md (regenerate it with `./readiness rules --format md > docs/rules.md`)");
    }
}
