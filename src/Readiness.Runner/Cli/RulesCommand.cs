using System.CommandLine;
using System.Text.Json;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Runner.Configuration;

namespace Readiness.Runner.Cli;

/// <summary>`readiness rules`: the catalog, as a table or JSON; `readiness rules show ID`: one rule in full.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ruleset = new Option<string?>("--ruleset") { Description = "List the rules this ruleset selects, with its severities (default: every rule)." };
        var format = new Option<string>("--format") { Description = "table, json, or md (the ledger in docs/rules.md).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "md");
        var command = new Command("rules", "List the rule catalog.") { ruleset, format };
        command.SetAction(parse =>
        {
            IReadOnlyList<ActiveRule> rules = parse.GetValue(ruleset) is { } name
                ? new RulesetLoader(RuleCatalog.Default).Load(name, ".").Rules
                : RuleCatalog.Default.Rules.Select(ActiveRule.WithDefaults).ToList();
            switch (parse.GetValue(format))
            {
                case "json": WriteJson(rules, stdout); break;
                case "md": WriteMarkdown(rules, stdout); break;
                default: WriteTable(rules, stdout); break;
            }
            return ReadinessCli.Ready;
        });

        var id = new Argument<string>("id") { Description = "Rule id, e.g. RDY1101 or a ruleset's own ACME-001." };
        var showRuleset = new Option<string?>("--ruleset") { Description = "Ruleset whose custom rules are looked in too (default: .readiness/ruleset.yaml if present)." };
        var show = new Command("show", "Show one rule with its rationale, remediation and references.") { id, showRuleset };
        show.SetAction(parse =>
        {
            var catalog = new RulesetLoader(RuleCatalog.Default).Load(parse.GetValue(showRuleset), ".").Catalog;
            var rule = catalog.Find(parse.GetValue(id)!) ?? catalog.Find(parse.GetValue(id)!.ToUpperInvariant());
            if (rule is null)
            {
                stderr.WriteLine($"readiness: unknown rule id '{parse.GetValue(id)}'; run 'readiness rules' to list them.");
                return ReadinessCli.Failed;
            }
            WriteRule(rule.Metadata, stdout);
            return ReadinessCli.Ready;
        });
        command.Subcommands.Add(show);
        command.Subcommands.Add(SchemaCommand(stdout));
        command.Subcommands.Add(RulesTestCommand.Create(stdout, stderr));
        return command;
    }

    /// <summary>`readiness rules schema`: the record kinds custom resource rules judge, their IaC aliases and attributes.</summary>
    private static Command SchemaCommand(TextWriter stdout)
    {
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var schema = new Command("schema", "List the cloud model's resource kinds, their Terraform and CloudFormation names and attributes (for custom resource rules).") { format };
        schema.SetAction(parse =>
        {
            var kinds = Custom.CloudModelSchema.Instance.Kinds;
            if (parse.GetValue(format) == "json")
            {
                stdout.WriteLine(JsonSerializer.Serialize(kinds.Select(k => new
                {
                    kind = k.Name,
                    aliases = k.Aliases,
                    attributes = k.Attributes.Select(a => new { name = a.Name, type = a.TypeName, usable = a.Kind.ToString().ToLowerInvariant() }),
                }), new JsonSerializerOptions { WriteIndented = true }));
                return ReadinessCli.Ready;
            }
            foreach (var kind in kinds)
            {
                stdout.WriteLine(kind.Aliases.Count == 0 ? kind.Name : $"{kind.Name} ({string.Join(", ", kind.Aliases)})");
                foreach (var a in kind.Attributes) stdout.WriteLine($"  {a.Name,-28} {a.TypeName}");
                stdout.WriteLine();
            }
            stdout.WriteLine($"{kinds.Count} kinds. Conditions compare one attribute (Tags.KEY for one tag; has_tag: KEY); see docs/custom-rules.md.");
            return ReadinessCli.Ready;
        });
        return schema;
    }

    private static void WriteTable(IReadOnlyList<ActiveRule> rules, TextWriter output)
    {
        var titleWidth = Math.Min(70, rules.Select(r => r.Rule.Metadata.Title.Length).DefaultIfEmpty(5).Max());
        output.WriteLine($"{"ID",-8} {"SEVERITY",-8} {"TITLE".PadRight(titleWidth)} CHECKLIST");
        foreach (var r in rules)
        {
            var m = r.Rule.Metadata;
            var title = m.Title.Length > titleWidth ? m.Title[..(titleWidth - 3)] + "..." : m.Title;
            output.WriteLine($"{m.Id,-8} {r.Severity.ToName(),-8} {title.PadRight(titleWidth)} {string.Join(",", m.ChecklistItems)}".TrimEnd());
        }
        output.WriteLine($"{rules.Count} rules.");
    }

    private static void WriteMarkdown(IReadOnlyList<ActiveRule> rules, TextWriter output)
    {
        output.WriteLine("# Shipped rules");
        output.WriteLine();
        output.WriteLine("Generated by `./readiness rules --format md > docs/rules.md`. Ids are stable and never reused; ranges are in rule-id-ranges.txt.");
        output.WriteLine();
        output.WriteLine("| Id | Name | Severity | Title | Covers |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var r in rules)
        {
            var m = r.Rule.Metadata;
            var covers = m.References.Where(x => x.Kind is "checklist" or "securityhub" or "django" or "cwe").Select(x => x.Id);
            output.WriteLine($"| {m.Id} | {m.Name} | {r.Severity.ToName()} | {m.Title.Replace("|", "\\|")} | {string.Join(", ", covers)} |");
        }
    }

    private static void WriteJson(IReadOnlyList<ActiveRule> rules, TextWriter output)
    {
        var items = rules.Select(r => new
        {
            id = r.Rule.Id,
            name = r.Rule.Metadata.Name,
            title = r.Rule.Metadata.Title,
            severity = r.Severity.ToName(),
            tags = r.Rule.Metadata.Tags,
            references = r.Rule.Metadata.References.Select(x => new { kind = x.Kind, id = x.Id, url = x.Url }),
            parameters = r.Rule.Metadata.Parameters.ToDictionary(p => p.Key, p => new { type = p.Value.Type.ToString().ToLowerInvariant(), @default = p.Value.Default, description = p.Value.Description }),
            helpUri = r.Rule.Metadata.HelpUri,
        });
        output.WriteLine(JsonSerializer.Serialize(items, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static void WriteRule(RuleMetadata m, TextWriter output)
    {
        output.WriteLine($"{m.Id} {m.Name}: {m.Title}");
        output.WriteLine($"Severity: {m.Severity.ToName()}    Tags: {string.Join(", ", m.Tags)}");
        output.WriteLine();
        output.WriteLine("Why it matters");
        output.WriteLine(m.Rationale.Trim());
        output.WriteLine();
        output.WriteLine("How to fix");
        output.WriteLine(m.Remediation.Trim());
        if (m.Parameters.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Parameters");
            foreach (var (name, p) in m.Parameters) output.WriteLine($"  {name} ({p.Type.ToString().ToLowerInvariant()}, default {Format(p.Default)}): {p.Description}");
        }
        if (m.References.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("References");
            foreach (var r in m.References) output.WriteLine($"  - {r.Display()}{(r.Url is not null && r.Kind != "url" ? " " + r.Url : "")}");
        }
    }

    private static string Format(object value) => value is IEnumerable<string> list ? "[" + string.Join(", ", list) + "]" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant();
}
