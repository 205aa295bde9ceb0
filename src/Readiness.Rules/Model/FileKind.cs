using System.Text.RegularExpressions;

namespace Readiness.Rules.Model;

/// <summary>What a file is part of: the application itself, or something that never ships as it is.</summary>
public enum FileRole
{
    /// <summary>Code or configuration of the application (settings, Dockerfiles, compose files, appsettings).</summary>
    Application,
    Test,

    /// <summary>Examples, samples and templates (.env.example, appsettings.Sample.json, examples/).</summary>
    Example,
    Docs,

    /// <summary>Third-party code kept in the tree (node_modules, vendor, site-packages).</summary>
    Vendored,

    /// <summary>Build output and bundles (dist, build, .next, coverage, *.min.js).</summary>
    Generated,
}

/// <summary>The environment a file is written for, from the words of its name and folders.</summary>
public enum FileEnvironment
{
    /// <summary>Nothing in the path names one: the file is loaded everywhere, production included (settings.py, appsettings.json).</summary>
    Unnamed,
    Production,

    /// <summary>Staging, pre-production, UAT: production-like, judged as production.</summary>
    Staging,

    /// <summary>Development, local, sandbox: a developer's machine.</summary>
    Development,

    /// <summary>Test or CI settings (settings/test.py, appsettings.Testing.json).</summary>
    Test,
}

/// <summary>
/// The one classifier of files every rule and source uses to decide "does this reach production". A file reaches
/// production when it is application code or configuration and its path names no development or test environment;
/// staging counts as production (it holds real data and is often public).
/// </summary>
public sealed partial record FileKind(FileRole Role, FileEnvironment Environment)
{
    /// <summary>True for application files that production or a production-like environment loads.</summary>
    public bool ReachesProduction => Role == FileRole.Application && Environment is FileEnvironment.Unnamed or FileEnvironment.Production or FileEnvironment.Staging;

    /// <summary>True when the path itself names production or staging (docker-compose.prod.yml, environments/staging/).</summary>
    public bool NamedForProduction => Role == FileRole.Application && Environment is FileEnvironment.Production or FileEnvironment.Staging;

    /// <summary>True for files explicitly for a developer's machine, tests or CI (settings/local.py, docker-compose.dev.yml).</summary>
    public bool IsDevelopmentOrTest => Role == FileRole.Test || Environment is FileEnvironment.Development or FileEnvironment.Test;

    /// <summary>The word of the path that decided the environment ("prod", "local"), or null for <see cref="FileEnvironment.Unnamed"/>.</summary>
    public string? EnvironmentWord { get; init; }

    private static readonly HashSet<string> TestFolders = new(StringComparer.Ordinal)
    {
        "test", "tests", "__tests__", "spec", "specs", "testdata", "test_data", "test-data", "fixtures", "__fixtures__", "mocks",
        "__mocks__", "e2e", "testing", "testutils", "test_utils", "cypress", "playwright",
    };

    private static readonly HashSet<string> DocFolders = new(StringComparer.Ordinal) { "docs", "doc", "documentation" };
    private static readonly HashSet<string> ExampleFolders = new(StringComparer.Ordinal) { "example", "examples" };
    private static readonly HashSet<string> ExampleWords = new(StringComparer.Ordinal)
    {
        "example", "examples", "sample", "template", "templates", "tmpl", "tpl", "dist", "demo",
    };

    private static readonly HashSet<string> VendoredFolders = new(StringComparer.Ordinal)
    {
        "node_modules", "vendor", "third_party", "third-party", "bower_components", "site-packages", ".venv", "venv", "jspm_packages",
    };

    private static readonly HashSet<string> GeneratedFolders = new(StringComparer.Ordinal) { "dist", "build", ".next", ".nuxt", "coverage", "__pycache__" };

    private static readonly Dictionary<string, FileEnvironment> EnvironmentWords = new(StringComparer.Ordinal)
    {
        ["prod"] = FileEnvironment.Production, ["production"] = FileEnvironment.Production, ["prd"] = FileEnvironment.Production,
        ["live"] = FileEnvironment.Production,
        ["staging"] = FileEnvironment.Staging, ["stage"] = FileEnvironment.Staging, ["stg"] = FileEnvironment.Staging,
        ["preprod"] = FileEnvironment.Staging, ["uat"] = FileEnvironment.Staging,
        ["dev"] = FileEnvironment.Development, ["develop"] = FileEnvironment.Development, ["development"] = FileEnvironment.Development,
        ["local"] = FileEnvironment.Development, ["localhost"] = FileEnvironment.Development, ["sandbox"] = FileEnvironment.Development,
        ["test"] = FileEnvironment.Test, ["tests"] = FileEnvironment.Test, ["testing"] = FileEnvironment.Test, ["ci"] = FileEnvironment.Test,
    };

    [GeneratedRegex(@"(?:^test_.*\.py$|^conftest\.py$|_test\.(?:py|go|rb|exs?)$|[._-](?:test|tests|spec|specs|e2e)\.[A-Za-z]+$|Tests?\.(?:cs|java|kt|scala|php)$|Spec\.(?:rb|scala|kt)$)")]
    private static partial Regex TestFileName();

    /// <summary>The kind of <paramref name="file"/>, computed once per file.</summary>
    public static FileKind Of(SourceFile file) => file.Parsed(f => Of(f.Path));

    /// <summary>The kind of a repository-relative path.</summary>
    public static FileKind Of(string path)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = segments.Length == 0 ? "" : segments[^1];
        var lowerName = name.ToLowerInvariant();
        var folders = segments[..^1].Select(s => s.ToLowerInvariant()).ToArray();
        var nameWords = Words(lowerName);
        var (environment, word) = EnvironmentOf(nameWords, folders);
        return new FileKind(RoleOf(name, lowerName, nameWords, folders), environment) { EnvironmentWord = word };
    }

    private static FileRole RoleOf(string name, string lowerName, string[] nameWords, string[] folders)
    {
        if (folders.Any(VendoredFolders.Contains)) return FileRole.Vendored;
        if (folders.Any(GeneratedFolders.Contains) || lowerName.Contains(".min.", StringComparison.Ordinal) || lowerName.EndsWith(".map", StringComparison.Ordinal)
            || lowerName.Contains(".bundle.", StringComparison.Ordinal) || lowerName.Contains(".chunk.", StringComparison.Ordinal)) return FileRole.Generated;
        // C# test projects are folders named Orders.Tests or Orders.Test.
        if (folders.Any(f => TestFolders.Contains(f) || f.EndsWith(".tests", StringComparison.Ordinal) || f.EndsWith(".test", StringComparison.Ordinal))
            || TestFileName().IsMatch(name)) return FileRole.Test;
        if (folders.Any(DocFolders.Contains) || lowerName.EndsWith(".md", StringComparison.Ordinal) || lowerName.EndsWith(".rst", StringComparison.Ordinal)
            || lowerName.EndsWith(".adoc", StringComparison.Ordinal)) return FileRole.Docs;
        if (nameWords.Any(ExampleWords.Contains) || folders.Any(ExampleFolders.Contains)) return FileRole.Example;
        return FileRole.Application;
    }

    // The file name decides first (settings/production.py), then the nearest folder that names one (environments/prod/).
    private static (FileEnvironment, string?) EnvironmentOf(string[] nameWords, string[] folders)
    {
        foreach (var word in nameWords)
        {
            if (EnvironmentWords.TryGetValue(word, out var env)) return (env, word);
        }
        for (var i = folders.Length - 1; i >= 0; i--)
        {
            foreach (var word in Words(folders[i]))
            {
                if (EnvironmentWords.TryGetValue(word, out var env)) return (env, word);
            }
        }
        return (FileEnvironment.Unnamed, null);
    }

    private static string[] Words(string name) => name.Split(['.', '_', '-', ' '], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The environment a name such as a compose profile ("dev", "local-tools", "prod") stands for, if any word says.</summary>
    public static FileEnvironment EnvironmentNamedBy(string name)
    {
        foreach (var word in Words(name.ToLowerInvariant()))
        {
            if (EnvironmentWords.TryGetValue(word, out var env)) return env;
        }
        return FileEnvironment.Unnamed;
    }
}
