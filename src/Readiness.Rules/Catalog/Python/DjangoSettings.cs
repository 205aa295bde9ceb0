using Readiness.Rules.Languages.Python;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Python;

/// <summary>Recognizes Django settings modules that can reach production, and describes how a value was derived.</summary>
internal static class DjangoSettings
{
    private static readonly string[] NonProductionMarkers = ["dev", "develop", "development", "local", "test", "tests", "testing", "ci"];

    /// <summary>
    /// A settings module (settings.py, settings/*.py, *_settings.py) that is not explicitly for development or tests.
    /// DEBUG = True in settings/local.py is normal; in settings.py or settings/production.py it is a launch blocker.
    /// </summary>
    public static bool IsProductionSettings(SourceFile file)
    {
        if (file.Language != Language.Python) return false;
        var path = file.Path.ToLowerInvariant();
        var name = Path.GetFileNameWithoutExtension(path);
        var inSettingsPackage = path.Contains("/settings/", StringComparison.Ordinal) || path.StartsWith("settings/", StringComparison.Ordinal);
        if (!(name.Contains("settings", StringComparison.Ordinal) || inSettingsPackage)) return false;
        var words = name.Split('_', '-', '.');
        if (words.Any(w => NonProductionMarkers.Contains(w))) return false;
        if (path.Split('/').Any(segment => segment is "tests" or "test")) return false;
        var text = file.Text;
        return text.Contains("DEBUG", StringComparison.Ordinal) || text.Contains("SECRET_KEY", StringComparison.Ordinal)
            || text.Contains("ALLOWED_HOSTS", StringComparison.Ordinal);
    }

    /// <summary>"when DJANGO_DEBUG is unset" or "" for literal values, for use in messages.</summary>
    public static string WhenUnset(PyOutcome outcome) => outcome.EnvVariable is { } v ? $" when the environment variable {v} is unset" : "";
}
