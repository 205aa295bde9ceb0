using System.Text.RegularExpressions;
using Readiness.Rules.Model;

namespace Readiness.Rules.Secrets;

/// <summary>
/// What kind of file a secret candidate sits in. Provider detectors run everywhere (a real key in a README or a test
/// still leaks); the generic and fallback judgements skip tests, docs, examples, lockfiles and minified bundles, and
/// placeholders only matter in configuration that reaches production.
/// </summary>
public sealed partial record FileContext
{
    public bool IsTest { get; init; }
    public bool IsDocs { get; init; }
    public bool IsExample { get; init; }
    public bool IsLockfile { get; init; }
    public bool IsMinified { get; init; }

    /// <summary>Program source (quoted literals are values, bare words are expressions).</summary>
    public bool IsCode { get; init; }

    /// <summary>Key/value configuration (.env, YAML, JSON, properties, INI, TOML, tfvars, XML, shell exports, dotfiles like .npmrc).</summary>
    public bool IsConfig { get; init; }

    /// <summary>
    /// HCL (Terraform, tfvars, .hcl): configuration whose literal strings are always quoted, so a bare value is an
    /// expression (var.x, file(...), optional(string), !local.is_replica), never a hardcoded secret.
    /// </summary>
    public bool IsHcl { get; init; }

    /// <summary>Configuration or settings that a production deployment loads.</summary>
    public bool IsProduction { get; init; }

    /// <summary>A CloudFormation or SAM template (it declares AWSTemplateFormatVersion or the AWS::Serverless transform).</summary>
    public bool IsCloudFormationTemplate { get; init; }

    /// <summary>Tests, docs and examples: invented values are expected here.</summary>
    public bool IsIllustrative => IsTest || IsDocs || IsExample;

    /// <summary>Generic secret-named assignments and fallbacks are judged here; not in tests, docs, examples, lockfiles or bundles.</summary>
    public bool JudgesAssignments => (IsCode || IsConfig) && !IsTest && !IsDocs && !IsExample && !IsLockfile && !IsMinified;

    private static readonly HashSet<string> TestSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "spec", "specs", "testdata", "test_data", "test-data", "fixtures", "__fixtures__", "mocks",
        "__mocks__", "e2e", "testing", "testutils", "test_utils", "cypress", "playwright",
    };

    private static readonly HashSet<string> DocSegments = new(StringComparer.OrdinalIgnoreCase) { "docs", "doc", "documentation" };
    private static readonly HashSet<string> ExampleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "example", "examples", "sample", "template", "templates", "tmpl", "dist", "tpl", "demo",
    };

    private static readonly HashSet<string> Lockfiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "pipfile.lock", "composer.lock",
        "gemfile.lock", "cargo.lock", "go.sum", "packages.lock.json", "bun.lockb", "uv.lock", "pdm.lock",
    };

    private static readonly HashSet<string> ConfigDotfiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", ".dockercfg", "credentials", ".s3cfg", ".boto", ".htpasswd",
        "redis.conf", ".pgpass",
    };

    private static readonly HashSet<string> NonProductionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "develop", "development", "local", "localhost", "test", "tests", "testing", "ci", "staging", "stage", "qa", "sandbox",
        "example", "sample", "template", "dist", "demo", "mock", "debug",
    };

    private static readonly HashSet<string> ProductionWords = new(StringComparer.OrdinalIgnoreCase) { "prod", "production", "prd", "live" };

    public static FileContext Of(SourceFile file)
    {
        var path = file.Path;
        var name = file.Name;
        var lowerName = name.ToLowerInvariant();
        var segments = path.Split('/');
        var folders = segments[..^1];
        var nameWords = Words(name);

        var isTest = folders.Any(TestSegments.Contains)
            || lowerName.StartsWith("test_", StringComparison.Ordinal) || lowerName == "conftest.py"
            || TestFileName().IsMatch(name);
        var isDocs = file.Language == Language.Markdown || folders.Any(DocSegments.Contains)
            || lowerName.EndsWith(".rst", StringComparison.Ordinal) || lowerName.EndsWith(".adoc", StringComparison.Ordinal)
            || lowerName.EndsWith(".txt", StringComparison.Ordinal) || lowerName.EndsWith(".html", StringComparison.Ordinal);
        // A SAM or CloudFormation template.yaml is the stack that deploys, not an example of one.
        var isTemplate = DeclaresCloudFormation(file);
        var isExample = nameWords.Any(w => ExampleWords.Contains(w) && !(w == "template" && isTemplate))
            || folders.Any(f => f is "example" or "examples");
        var isLockfile = Lockfiles.Contains(lowerName) || lowerName.EndsWith(".lock", StringComparison.Ordinal);
        var isMinified = lowerName.Contains(".min.", StringComparison.Ordinal) || lowerName.EndsWith(".map", StringComparison.Ordinal)
            || lowerName.Contains(".bundle.", StringComparison.Ordinal) || lowerName.Contains(".chunk.", StringComparison.Ordinal);
        var isCode = file.Language is Language.Python or Language.JavaScript or Language.TypeScript or Language.CSharp
            || CodeExtension().IsMatch(lowerName);
        var isConfig = file.Language is Language.DotEnv or Language.Json or Language.Yaml or Language.Properties or Language.Hcl
            or Language.Terraform or Language.Xml or Language.Toml or Language.Ini or Language.Dockerfile or Language.Shell
            || ConfigDotfiles.Contains(lowerName) || lowerName is "makefile" or "gnumakefile" || lowerName.EndsWith(".mk", StringComparison.Ordinal)
            // An extension-less file in a configuration folder (config/settings, etc/app/credentials) is configuration.
            || (file.Language == Language.Other && !name.Contains('.') && folders.Any(f => f is "config" or "conf" or "etc" or "settings"));

        return new FileContext
        {
            IsTest = isTest,
            IsDocs = isDocs,
            IsExample = isExample,
            IsLockfile = isLockfile,
            IsCloudFormationTemplate = isTemplate,
            IsMinified = isMinified,
            IsCode = isCode,
            IsConfig = isConfig,
            IsHcl = file.Language is Language.Hcl or Language.Terraform,
            IsProduction = !isTest && !isDocs && !isExample && (isConfig || file.Language == Language.Python) && IsProductionConfig(file, folders, nameWords),
        };
    }

    private static bool IsProductionConfig(SourceFile file, string[] folders, List<string> nameWords)
    {
        if (nameWords.Any(NonProductionWords.Contains) || folders.Any(NonProductionWords.Contains)) return false;
        if (nameWords.Any(ProductionWords.Contains) || folders.Any(ProductionWords.Contains)) return true;
        var lowerName = file.Name.ToLowerInvariant();
        // What `terraform apply` and ASP.NET load in every environment, production included.
        if (lowerName is "terraform.tfvars" or "appsettings.json" || lowerName.EndsWith(".auto.tfvars", StringComparison.Ordinal)) return true;
        if (file.Language == Language.Python) return false;
        var head = file.Text.AsSpan(0, Math.Min(file.Text.Length, 65536));
        // The marker's value holds "prod" whatever its case; a vectorised search for it first spares most files the
        // regex, whose case-insensitive names and leading \s* give it no cheap anchor (7% of the benchmark's Python scan).
        return head.ContainsAny(ProdValue) && ProductionMarker().IsMatch(head);
    }

    private static readonly System.Buffers.SearchValues<string> ProdValue = System.Buffers.SearchValues.Create(["prod"], StringComparison.OrdinalIgnoreCase);

    private static bool DeclaresCloudFormation(SourceFile file) =>
        file.Language is Language.Yaml or Language.Json && CloudFormationMarker().IsMatch(file.Text.AsSpan(0, Math.Min(file.Text.Length, 65536)));

    [GeneratedRegex(@"AWSTemplateFormatVersion|Transform[""']?\s*:\s*[""']?AWS::Serverless")]
    private static partial Regex CloudFormationMarker();

    private static List<string> Words(string name) =>
        name.Split(['.', '_', '-', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();

    [GeneratedRegex(@"(?:[._-](?:test|tests|spec|specs|e2e)\.[A-Za-z]+$|_test\.(?:py|go|rb|exs?)$|Tests?\.(?:cs|java|kt|scala|php)$|Spec\.(?:rb|scala|kt)$)")]
    private static partial Regex TestFileName();

    [GeneratedRegex(@"\.(?:go|java|kt|kts|scala|rb|php|rs|swift|groovy|gradle|ps1|psm1|vue|svelte|dart|ex|exs|lua|pl|r|jl|c|cc|cpp|h|hpp|m|mm)$")]
    private static partial Regex CodeExtension();

    [GeneratedRegex(@"(?im)^\s*[""']?(?:NODE_ENV|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT|APP_ENV|APP_ENVIRONMENT|RAILS_ENV|RACK_ENV|FLASK_ENV|DJANGO_ENV|ENV|ENVIRONMENT|STAGE|DEPLOY_ENV)[""']?\s*[:=]\s*[""']?(?:prod|production)[""']?\s*(?:[,#]|$)")]
    private static partial Regex ProductionMarker();
}
