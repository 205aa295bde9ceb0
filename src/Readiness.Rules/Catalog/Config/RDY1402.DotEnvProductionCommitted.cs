using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Config;

/// <summary>
/// A production .env file in the repository (.env.production, .env.prod, .env.staging, or .env with NODE_ENV=production)
/// that holds secret values. Public build-time settings alone (VITE_API_BASE_URL) are fine and not reported. Which files
/// are for production or for development, tests and examples is decided by <see cref="FileKind"/>; staging counts as production.
/// </summary>
public sealed partial class DotEnvProductionCommitted : FileRule
{
    private static readonly string[] EnvironmentKeys = ["NODE_ENV", "APP_ENV", "ENVIRONMENT", "ENV", "DJANGO_ENV", "RAILS_ENV", "FLASK_ENV", "ASPNETCORE_ENVIRONMENT", "STAGE"];

    [GeneratedRegex(@"^\s*(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(?<value>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlWithPassword();

    public override bool AppliesTo(SourceFile file)
    {
        return file.Language == Language.DotEnv && FileKind.Of(file).ReachesProduction;
    }

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var values = new List<(string Key, string Value, int Line)>();
        for (var line = 1; line <= file.LineCount; line++)
        {
            var m = Assignment().Match(file.Line(line));
            if (m.Success) values.Add((m.Groups["key"].Value, Unquote(m.Groups["value"].Value), line));
        }
        var kind = FileKind.Of(file);
        var declared = values.LastOrDefault(v => EnvironmentKeys.Contains(v.Key) && v.Value.ToLowerInvariant() is "production" or "prod");
        if (!kind.NamedForProduction && declared.Key is null) return [];

        var secrets = values.Where(v => v.Value.Length > 0 && !v.Value.StartsWith("${", StringComparison.Ordinal)
            && (SecretNames.IsSecretName(v.Key) || UrlWithPassword().IsMatch(v.Value))).ToList();
        if (secrets.Count == 0) return [];
        var why = declared.Key is not null ? $"sets {declared.Key}={declared.Value}"
            : kind.Environment == FileEnvironment.Staging ? "is named for staging (judged as production)" : "is named for production";
        return
        [
            context.AtLine(file, secrets[0].Line,
                $"{file.Path} {why} and holds {secrets.Count} secret value{(secrets.Count == 1 ? "" : "s")} ({string.Join(", ", secrets.Select(s => s.Key).Take(6))}{(secrets.Count > 6 ? ", ..." : "")}); remove the file from the repository, add it to .gitignore, rotate those values and inject them at deploy time from AWS Secrets Manager or SSM Parameter Store.",
                snippet: secrets[0].Key + "=<redacted>", fingerprintKey: "dotenv:" + string.Join(",", secrets.Select(s => s.Key)),
                properties: new Dictionary<string, string> { ["variables"] = string.Join(",", secrets.Select(s => s.Key)) }),
        ];
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        if (v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[^1] == v[0]) return v[1..^1];
        var comment = v.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? v[..comment].TrimEnd() : v;
    }
}
