using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>Which C# files the ASP.NET rules read: application code that reaches production (not tests, examples or development-only files), and only files that mention what a rule needs.</summary>
internal static class CSharpFiles
{
    public static bool IsApplicationCode(SourceFile file, params string[] keywords)
    {
        if (file.Language != Language.CSharp) return false;
        if (!FileKind.Of(file).ReachesProduction) return false;
        // The keyword prefilter: Roslyn parses only files that can match.
        return keywords.Any(k => file.Text.Contains(k, StringComparison.Ordinal));
    }
}
