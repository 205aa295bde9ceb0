using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.JavaScript;

/// <summary>Which JavaScript/TypeScript files the rules read: application source that reaches production, not tests, bundles, dependencies or development-only files (see FileKind).</summary>
internal static class JsFiles
{
    public static bool IsApplicationCode(SourceFile file, params string[] keywords)
    {
        if (file.Language is not (Language.JavaScript or Language.TypeScript)) return false;
        if (!FileKind.Of(file).ReachesProduction) return false;
        return keywords.Any(k => file.Text.Contains(k, StringComparison.Ordinal));
    }

    /// <summary>Every function in the file (function expressions and declarations, arrows), each once, in order.</summary>
    public static IEnumerable<JsFunction> Functions(JsDocument doc)
    {
        var tokens = doc.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var t = tokens[i];
            var starts = t.IsName("function")
                || (t.Is("(") && doc.Match(i) > i && (doc[doc.Match(i) + 1].Is("=>") || doc[doc.Match(i) + 1].Is(":")) && !(i > 0 && doc[i - 1].IsName("function")) && !(i > 0 && doc[i - 1].Kind == JsTokenKind.Identifier && !doc[i - 1].IsName("async")))
                || (t.Kind == JsTokenKind.Identifier && tokens[i + 1].Is("=>"));
            if (!starts) continue;
            var f = doc.FunctionAt(new JsRange(i, tokens.Count - 1));
            if (f is not null) yield return f;
        }
    }

    /// <summary>Names of error variables: err, error, e, ex, exception, and the like.</summary>
    public static bool IsErrorName(string name) =>
        name is "err" or "error" or "e" or "ex" or "exc" or "exception" or "er" or "_err" or "_error" or "caught"
        || name.EndsWith("Error", StringComparison.Ordinal) || name.EndsWith("Err", StringComparison.Ordinal);
}
