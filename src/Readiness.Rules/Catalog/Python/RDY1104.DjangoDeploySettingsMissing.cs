using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>
/// Django's own deploy checks (manage.py check --deploy) W004/W008/W012/W016: a production settings module must turn on
/// HSTS, the HTTPS redirect and secure session and CSRF cookies. Judged with every environment variable unset.
/// </summary>
public sealed class DjangoDeploySettingsMissing : FileRule
{
    private sealed record DeploySetting(string Name, string Check, string Effect, string Fix, bool IsSeconds);

    private static readonly DeploySetting[] Settings =
    [
        new("SECURE_HSTS_SECONDS", "security.W004", "browsers are never told to refuse plain HTTP for this site (no HSTS header)", "SECURE_HSTS_SECONDS = 31536000", true),
        new("SECURE_SSL_REDIRECT", "security.W008", "requests over plain HTTP are served instead of redirected to HTTPS", "SECURE_SSL_REDIRECT = True", false),
        new("SESSION_COOKIE_SECURE", "security.W012", "the session cookie is also sent over plain HTTP, where it can be stolen", "SESSION_COOKIE_SECURE = True", false),
        new("CSRF_COOKIE_SECURE", "security.W016", "the CSRF cookie is also sent over plain HTTP", "CSRF_COOKIE_SECURE = True", false),
    ];

    public override bool AppliesTo(SourceFile file) => DjangoSettings.IsProductionSettings(file) && file.Text.Contains("DEBUG", StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var module = PyParser.Parse(file);
        if (!DjangoSettings.IsCompleteProjectSettings(file, module)) yield break;
        var debug = module.LastTopLevel("DEBUG");
        // DEBUG = True written as a literal marks a development module (RDY1101 reports it if it can reach production).
        if (debug is null || debug.Value is PyLiteral { Value: true }) yield break;
        foreach (var setting in Settings)
        {
            var properties = new Dictionary<string, string> { ["setting"] = setting.Name, ["djangoCheck"] = setting.Check };
            var assignment = module.LastTopLevel(setting.Name);
            if (assignment is null)
            {
                // Set only inside an if-block (if not DEBUG: ...): the value depends on a branch this rule does not follow.
                if (module.All(setting.Name).Any()) continue;
                yield return context.AtLine(file, debug.Line,
                    $"{setting.Name} is not set in {file.Path}, so {setting.Effect} (Django {setting.Check}); add {setting.Fix}.",
                    fingerprintKey: "missing:" + setting.Name, properties: properties);
                continue;
            }
            var outcome = PyEvaluator.WithEnvUnset(assignment.Value);
            if (!outcome.Known || outcome.Value == PyEvaluator.Required) continue;
            var on = setting.IsSeconds ? outcome.Value is double seconds && seconds > 0 : PyEvaluator.Truthy(outcome.Value);
            if (on) continue;
            var message = outcome.EnvVariable is null
                ? $"{setting.Name} is off in {file.Path}, so {setting.Effect} (Django {setting.Check}); set {setting.Fix}."
                : $"{setting.Name} defaults to off in {file.Path}{DjangoSettings.WhenUnset(outcome)}, so {setting.Effect} (Django {setting.Check}); make the default {setting.Fix.Split(" = ")[1]}.";
            yield return context.AtLine(file, assignment.Line, message, properties: properties);
        }
    }
}
