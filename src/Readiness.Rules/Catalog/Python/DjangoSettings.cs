using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>Recognizes Django settings modules that can reach production, and describes how a value was derived.</summary>
internal static class DjangoSettings
{
    /// <summary>
    /// A settings module (settings.py, settings/*.py, *_settings.py) that is not explicitly for development or tests.
    /// DEBUG = True in settings/local.py is normal; in settings.py or settings/production.py it is a launch blocker.
    /// </summary>
    public static bool IsProductionSettings(SourceFile file) =>
        file.Language == Language.Python && file.Parsed(f => new ProductionSettingsMark(Decide(f))).IsProductionSettings;

    // Five Django rules ask it of every Python file: decided once per file.
    private sealed record ProductionSettingsMark(bool IsProductionSettings);

    private static bool Decide(SourceFile file)
    {
        var path = file.Path.ToLowerInvariant();
        var name = Path.GetFileNameWithoutExtension(path);
        var inSettingsPackage = path.Contains("/settings/", StringComparison.Ordinal) || path.StartsWith("settings/", StringComparison.Ordinal);
        if (!(name.Contains("settings", StringComparison.Ordinal) || inSettingsPackage)) return false;
        if (IsDevelopmentOrTestPath(file)) return false;
        var text = file.Text;
        return text.Contains("DEBUG", StringComparison.Ordinal) || text.Contains("SECRET_KEY", StringComparison.Ordinal)
            || text.Contains("ALLOWED_HOSTS", StringComparison.Ordinal);
    }

    /// <summary>
    /// True for files that do not reach production (see <see cref="FileKind"/>): settings/local.py, dev_settings.py,
    /// tests/..., examples, vendored packages. settings/staging.py is production-like and is judged.
    /// </summary>
    public static bool IsDevelopmentOrTestPath(SourceFile file) => !FileKind.Of(file).ReachesProduction;

    /// <summary>True for a name that says "development or tests" (DevelopmentConfig, TestSettings, LocalConfig).</summary>
    public static bool IsDevelopmentOrTestName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.StartsWith("dev", StringComparison.Ordinal) || lower.StartsWith("test", StringComparison.Ordinal)
            || lower.StartsWith("local", StringComparison.Ordinal) || lower.Contains("testing", StringComparison.Ordinal)
            || lower.Contains("development", StringComparison.Ordinal);
    }

    /// <summary>
    /// A whole Django settings module that Django runs as is: it defines INSTALLED_APPS, MIDDLEWARE or ROOT_URLCONF and
    /// does not star-import another module (whose settings it would inherit and this rule cannot see).
    /// Shared modules named base/common/defaults are skipped for the same reason: the module that imports them decides.
    /// </summary>
    public static bool IsCompleteProjectSettings(SourceFile file, PyModule module)
    {
        var name = Path.GetFileNameWithoutExtension(file.Path).ToLowerInvariant();
        if (name is "base" or "common" or "defaults" or "shared" or "base_settings" or "common_settings") return false;
        if (module.HasStarImport) return false;
        return module.LastTopLevel("INSTALLED_APPS") is not null || module.LastTopLevel("MIDDLEWARE") is not null
            || module.LastTopLevel("ROOT_URLCONF") is not null;
    }

    /// <summary>"when DJANGO_DEBUG is unset" or "" for literal values, for use in messages.</summary>
    public static string WhenUnset(PyOutcome outcome) => outcome.EnvVariable is { } v ? $" when the environment variable {v} is unset" : "";
}
