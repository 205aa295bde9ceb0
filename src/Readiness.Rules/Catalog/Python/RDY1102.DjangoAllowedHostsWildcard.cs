using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>CSEC-20: ALLOWED_HOSTS must name the real hosts, and must not fall back to "*".</summary>
public sealed class DjangoAllowedHostsWildcard : FileRule
{
    public override bool AppliesTo(SourceFile file) => DjangoSettings.IsProductionSettings(file) && file.Text.Contains("ALLOWED_HOSTS", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var assignment = PyParser.Parse(file).LastTopLevel("ALLOWED_HOSTS");
        if (assignment is null) yield break;
        var outcome = PyEvaluator.WithEnvUnset(assignment.Value);
        if (!outcome.Known) yield break;
        var hosts = outcome.Value switch
        {
            List<object?> list => list.OfType<string>().Select(h => h.Trim()).ToList(),
            string s => [s.Trim()],
            _ => [],
        };
        if (!hosts.Contains("*")) yield break;
        yield return outcome.EnvVariable is null
            ? context.AtLine(file, assignment.Line, $"ALLOWED_HOSTS allows every host ('*') in {file.Path}; list the production domain names instead.")
            : context.AtLine(file, assignment.Line, $"ALLOWED_HOSTS defaults to every host ('*') in {file.Path}{DjangoSettings.WhenUnset(outcome)}; make the default empty so a missing variable fails closed.");
    }
}
