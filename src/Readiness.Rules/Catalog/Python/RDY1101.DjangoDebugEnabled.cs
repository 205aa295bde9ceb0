using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>CSEC-19: DEBUG must be off in production, and must default to off when the environment does not say.</summary>
public sealed class DjangoDebugEnabled : FileRule
{
    public override bool AppliesTo(SourceFile file) => DjangoSettings.IsProductionSettings(file) && file.Text.Contains("DEBUG", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var assignment = PyParser.Parse(file).LastTopLevel("DEBUG");
        if (assignment is null) yield break;
        var outcome = PyEvaluator.WithEnvUnset(assignment.Value);
        if (!outcome.IsTruthy || outcome.Value == PyEvaluator.Required) yield break;
        yield return outcome.EnvVariable is null
            ? context.AtLine(file, assignment.Line, $"DEBUG is set to True in {file.Path}; set it to False for production (or read it from the environment with a False default).")
            : context.AtLine(file, assignment.Line, $"DEBUG defaults to True in {file.Path}{DjangoSettings.WhenUnset(outcome)}; make the default False so a missing variable cannot expose debug pages.");
    }
}
