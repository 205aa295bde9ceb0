using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>django-cors-headers: every origin allowed (flag or catch-all regex) together with credentials.</summary>
public sealed class DjangoCorsAllowAllWithCredentials : FileRule
{
    public override bool AppliesTo(SourceFile file) => file.Language == Language.Python
        && !DjangoSettings.IsDevelopmentOrTestPath(file)
        && file.Text.AsSpan().ContainsAny(CorsAllowCredentials);

    // Searched in every Python file: a single-string SearchValues anchors on the needle's rarest characters.
    private static readonly System.Buffers.SearchValues<string> CorsAllowCredentials = System.Buffers.SearchValues.Create(["CORS_ALLOW_CREDENTIALS"], StringComparison.Ordinal);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var module = PyParser.Parse(file);
        var credentials = module.LastTopLevel("CORS_ALLOW_CREDENTIALS");
        if (credentials is null || !PyEvaluator.WithEnvUnset(credentials.Value).IsTruthy) yield break;

        foreach (var name in new[] { "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL" })
        {
            var flag = module.LastTopLevel(name);
            if (flag is null) continue;
            var outcome = PyEvaluator.WithEnvUnset(flag.Value);
            if (!outcome.IsTruthy || outcome.Value == PyEvaluator.Required) continue;
            var how = outcome.EnvVariable is null ? "is True" : $"defaults to True{DjangoSettings.WhenUnset(outcome)}";
            yield return context.AtLine(file, flag.Line,
                $"{name} {how} while CORS_ALLOW_CREDENTIALS is on in {file.Path}, so any website can make logged-in requests to this API and read the answers; list the trusted origins in CORS_ALLOWED_ORIGINS instead.");
        }

        var regexes = module.LastTopLevel("CORS_ALLOWED_ORIGIN_REGEXES") ?? module.LastTopLevel("CORS_ORIGIN_REGEX_WHITELIST");
        if (regexes is null) yield break;
        var patterns = PyEvaluator.WithEnvUnset(regexes.Value).Value as List<object?>;
        var catchAll = patterns?.OfType<string>().FirstOrDefault(MatchesEveryOrigin);
        if (catchAll is not null)
            yield return context.AtLine(file, regexes.Line,
                $"{regexes.Target} contains the catch-all pattern '{catchAll}' while CORS_ALLOW_CREDENTIALS is on in {file.Path}, so any website can make logged-in requests; anchor the patterns to your own domains (r\"^https://(app|admin)\\.example\\.com$\").");
    }

    private static bool MatchesEveryOrigin(string pattern)
    {
        var core = pattern.Trim().TrimStart('^').TrimEnd('$');
        return core is ".*" or ".+" or "(.*)" or "(.+)" or "https?://.*" or "https?://.+" or "https://.*" or "https://.+" or "http.*";
    }
}
