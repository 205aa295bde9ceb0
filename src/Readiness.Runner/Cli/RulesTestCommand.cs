using System.CommandLine;
using Readiness.Rules.Engine;
using Readiness.Runner.Configuration;

namespace Readiness.Runner.Cli;

/// <summary>`readiness rules test [RULESET]`: judges every custom rule's samples and annotated fixtures.</summary>
public static class RulesTestCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ruleset = new Argument<string?>("ruleset") { Description = "Ruleset file or name (default: .readiness/ruleset.yaml if present).", DefaultValueFactory = _ => null };
        var command = new Command("test", "Judge the ruleset's custom rules against their samples and annotated fixtures; exit 1 on a misjudged case.") { ruleset };
        command.SetAction(parse =>
        {
            var loaded = new RulesetLoader(RuleCatalog.Default) { CheckSamples = false }.Load(parse.GetValue(ruleset), ".");
            return Custom.CustomRuleTests.Run(loaded, stdout);
        });
        return command;
    }
}
