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
    // Parsing is most of what this rule costs, so a file is parsed only when its text could hold what Check reports:
    // a class named ...Config or ...Settings (or based on BaseSettings) and a statement assigning or annotating debug.
    public override bool AppliesTo(SourceFile file) => file.Language == Language.Python
        && !DjangoSettings.IsDevelopmentOrTestPath(file)
        && file.Text.AsSpan().ContainsAny(ClassKeyword)
        && (file.Text.Contains("Settings", StringComparison.Ordinal) || file.Text.Contains("Config", StringComparison.Ordinal))
        && MayAssignDebug(file.Text);

    // Searched in every Python file: a single-string SearchValues anchors on the needle's rarest characters.
    private static readonly System.Buffers.SearchValues<string> ClassKeyword = System.Buffers.SearchValues.Create(["class"], StringComparison.Ordinal);

    /// <summary>"debug" in any case followed, past blanks and line continuations, by the ':' or '=' of an assignment.</summary>
    internal static bool MayAssignDebug(string text)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOfAny(DebugWord); at >= 0; at = span.IndexOfAny(DebugWord))
        {
            var rest = span[(at + 5)..].TrimStart(" \t\f\\\r\n");
            if (rest.Length > 0 && rest[0] is ':' or '=') return true;
            span = span[(at + 5)..];
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<string> DebugWord = System.Buffers.SearchValues.Create(["debug"], StringComparison.OrdinalIgnoreCase);

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
