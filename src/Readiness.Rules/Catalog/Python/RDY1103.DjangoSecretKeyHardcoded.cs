using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;
using Readiness.Rules.Text;

namespace Readiness.Rules.Catalog.Python;

/// <summary>CSEC-18: SECRET_KEY must come from the environment or a secret store, with no literal fallback.</summary>
public sealed class DjangoSecretKeyHardcoded : FileRule
{
    public override bool AppliesTo(SourceFile file) => DjangoSettings.IsProductionSettings(file) && file.Text.Contains("SECRET_KEY", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var assignment = PyParser.Parse(file).LastTopLevel("SECRET_KEY");
        if (assignment is null) yield break;
        var outcome = PyEvaluator.WithEnvUnset(assignment.Value);
        if (!outcome.Known || outcome.Value is not string { Length: > 0 } key) yield break;

        var properties = new Dictionary<string, string> { ["secretHmac"] = Redaction.Hash(key), ["secretPreview"] = Redaction.Preview(key) };
        var snippet = Redaction.RedactIn(file.Line(assignment.Line).Trim(), key);
        var message = outcome.EnvVariable is null
            ? $"SECRET_KEY is hardcoded in {file.Path}; read it from the environment or a secret store and rotate the exposed key."
            : $"SECRET_KEY falls back to a hardcoded value in {file.Path}{DjangoSettings.WhenUnset(outcome)}; remove the fallback so a missing variable stops the app, and rotate the key.";
        yield return context.AtLine(file, assignment.Line, message, snippet, fingerprintKey: "hmac:" + properties["secretHmac"], properties: properties);
    }
}
