using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>
/// A settings class (pydantic BaseSettings, a Flask config object) whose debug field is True by default: the value the
/// application runs with whenever the deployment does not set DEBUG.
/// </summary>
public sealed class PythonSettingsDebugDefault : FileRule
{
    public override bool AppliesTo(SourceFile file) => file.Language == Language.Python
        && file.Text.Contains("class", StringComparison.Ordinal)
        && file.Text.Contains("ebug", StringComparison.Ordinal)
        && !DjangoSettings.IsDevelopmentOrTestPath(file);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var module = PyParser.Parse(file);
        foreach (var cls in module.Classes)
        {
            if (!IsSettingsClass(cls) || DjangoSettings.IsDevelopmentOrTestName(cls.Name)) continue;
            var field = DebugField(module, cls.Name);
            if (field is null) continue;
            var outcome = PyEvaluator.WithEnvUnset(Unwrap(field.Value));
            if (!outcome.IsTruthy || outcome.Value == PyEvaluator.Required) continue;
            // A base class whose every subclass in this file sets its own debug value is never used as it is.
            var subclasses = module.Classes.Where(c => c.Bases.Contains(cls.Name)).ToList();
            if (subclasses.Count > 0 && subclasses.All(s => DebugField(module, s.Name) is not null)) continue;

            var kind = cls.Bases.Any(b => b.EndsWith("BaseSettings", StringComparison.Ordinal)) ? "pydantic settings class" : "config class";
            var why = kind == "pydantic settings class"
                ? $"the application runs in debug mode whenever the {field.Target.ToUpperInvariant()} environment variable is not set"
                : "every deployment that loads it runs in debug mode";
            yield return context.AtLine(file, field.Line,
                $"{field.Target} defaults to True in the {kind} {cls.Name} in {file.Path}, so {why}; make the default False and enable it only for local development.");
        }
    }

    private static PyAssignment? DebugField(PyModule module, string className) =>
        module.Assignments.LastOrDefault(a => a.ClassName == className && a.Indent > 0 && a.Target.Equals("debug", StringComparison.OrdinalIgnoreCase));

    // pydantic: debug: bool = Field(default=True) or Field(True, description=...).
    private static PyExpr Unwrap(PyExpr value) => value is PyCall { Function: PyName { Dotted: "Field" or "pydantic.Field" } } call
        ? call.Kwargs.GetValueOrDefault("default") ?? (call.Args.Count > 0 ? call.Args[0] : value)
        : value;

    private static bool IsSettingsClass(PyClass cls) =>
        cls.Bases.Any(b => b.EndsWith("BaseSettings", StringComparison.Ordinal))
        || cls.Name.EndsWith("Config", StringComparison.Ordinal) || cls.Name.EndsWith("Settings", StringComparison.Ordinal);
}
