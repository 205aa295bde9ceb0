using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>Flask started or configured with debug on: app.run(debug=True), app.debug = True, app.config.update(DEBUG=True).</summary>
public sealed class FlaskDebugRun : FileRule
{
    public override bool AppliesTo(SourceFile file) => file.Language == Language.Python
        && !DjangoSettings.IsDevelopmentOrTestPath(file)
        && file.Text.AsSpan().ContainsAny(Flask)
        && file.Text.AsSpan().ContainsAny(Debug);

    // Searched in every Python file: single-string SearchValues anchor on the needles' rarest characters.
    private static readonly System.Buffers.SearchValues<string> Flask = System.Buffers.SearchValues.Create(["lask"], StringComparison.Ordinal);
    private static readonly System.Buffers.SearchValues<string> Debug = System.Buffers.SearchValues.Create(["ebug"], StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var module = PyParser.Parse(file);
        foreach (var statement in module.Calls)
        {
            if (statement.Call.Function is not PyAttribute attribute) continue;
            var flag = attribute.Name switch
            {
                "run" => statement.Call.Kwargs.GetValueOrDefault("debug"),
                "update" when attribute.Target is PyAttribute { Name: "config" } => statement.Call.Kwargs.GetValueOrDefault("DEBUG"),
                _ => null,
            };
            if (flag is null || !IsOn(flag, out var envVariable)) continue;
            yield return context.AtLine(file, statement.Line, envVariable is null
                ? $"The Flask app in {file.Path} runs with debug=True, which serves the Werkzeug debugger (remote code execution from the error page); pass debug=False or leave it to FLASK_DEBUG in development."
                : $"The Flask app in {file.Path} runs with debug on when {envVariable} is unset, which serves the Werkzeug debugger; make the default False.");
        }
        foreach (var assignment in module.Assignments.Where(a => a.ClassName is null && a.Target.EndsWith(".debug", StringComparison.Ordinal)))
        {
            if (!IsOn(assignment.Value, out var envVariable)) continue;
            yield return context.AtLine(file, assignment.Line,
                $"{assignment.Target} is set to True{(envVariable is null ? "" : $" when {envVariable} is unset")} in {file.Path}, which serves the Werkzeug debugger to anyone who triggers an error; set it to False outside local development.");
        }
    }

    private static bool IsOn(PyExpr value, out string? envVariable)
    {
        var outcome = PyEvaluator.WithEnvUnset(value);
        envVariable = outcome.EnvVariable;
        return outcome.IsTruthy && outcome.Value != PyEvaluator.Required;
    }
}
