namespace Readiness.Rules.Model;

/// <summary>
/// A text file handed to the rules. Path is repository-relative with forward slashes. Several rules may need the same
/// parse (a Roslyn tree, a Python module); <see cref="Parsed{T}"/> shares it so each file is parsed once per scan.
/// </summary>
public sealed class SourceFile
{
    private int[]? lineStarts;
    // Parses by type, appended lock-free: a file has one or two, and a dictionary per file was an allocation every
    // file paid for (issue 20).
    private (Type Type, Lazy<object> Parse)[] parses = [];

    public SourceFile(string path, string text)
    {
        Path = path.Replace('\\', '/');
        Text = text;
        Language = LanguageDetector.Detect(Path);
    }

    public string Path { get; }
    public string Text { get; }
    public Language Language { get; }

    /// <summary>
    /// A NUL among the first 8,192 characters: binary content the text rules leave alone. Asked by each secret rule
    /// of each file, so it is computed once (0 not yet, 1 no, 2 yes; computing it twice is harmless).
    /// </summary>
    public bool HasNulNearStart
    {
        get
        {
            if (nulNearStart == 0) nulNearStart = Text.AsSpan(0, Math.Min(Text.Length, 8192)).Contains('\0') ? 2 : 1;
            return nulNearStart == 2;
        }
    }

    private int nulNearStart;

    /// <summary>File name without folders, e.g. "settings.py".</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Returns the parse of this file for <typeparamref name="T"/>, computing it once.</summary>
    public T Parsed<T>(Func<SourceFile, T> parse) where T : class
    {
        while (true)
        {
            var current = Volatile.Read(ref parses);
            foreach (var (type, existing) in current)
            {
                if (type == typeof(T)) return (T)existing.Value;
            }
            var lazy = new Lazy<object>(() => parse(this));
            if (Interlocked.CompareExchange(ref parses, [.. current, (typeof(T), lazy)], current) == current) return (T)lazy.Value;
        }
    }

    /// <summary>1-based line number of a character offset.</summary>
    public int LineOf(int offset)
    {
        var starts = LineStarts();
        var index = Array.BinarySearch(starts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>1-based column of a character offset.</summary>
    public int ColumnOf(int offset) => offset - LineStarts()[LineOf(offset) - 1] + 1;

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string Line(int line)
    {
        var starts = LineStarts();
        if (line < 1 || line > starts.Length) return "";
        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    public int LineCount => LineStarts().Length;

    private int[] LineStarts()
    {
        if (lineStarts is not null) return lineStarts;
        var starts = new List<int> { 0 };
        for (var i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\n') starts.Add(i + 1);
        }
        return lineStarts = starts.ToArray();
    }
}

public enum Language
{
    Other,
    CSharp,
    Python,
    JavaScript,
    TypeScript,
    Json,
    Yaml,
    DotEnv,
    Properties,
    Terraform,
    Hcl,
    Xml,
    Toml,
    Ini,
    Shell,
    Markdown,
    Dockerfile,
}

public static class LanguageDetector
{
    public static Language Detect(string path)
    {
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) || name.EndsWith(".env", StringComparison.Ordinal)) return Language.DotEnv;
        if (name == "dockerfile" || name.StartsWith("dockerfile.", StringComparison.Ordinal)) return Language.Dockerfile;
        return System.IO.Path.GetExtension(name) switch
        {
            ".cs" or ".csx" => Language.CSharp,
            ".py" or ".pyw" => Language.Python,
            ".js" or ".mjs" or ".cjs" or ".jsx" => Language.JavaScript,
            ".ts" or ".tsx" or ".mts" or ".cts" => Language.TypeScript,
            ".json" => Language.Json,
            ".yaml" or ".yml" => Language.Yaml,
            ".properties" => Language.Properties,
            ".tf" => Language.Terraform,
            ".tfvars" or ".hcl" => Language.Hcl,
            ".xml" or ".config" or ".csproj" => Language.Xml,
            ".toml" => Language.Toml,
            ".ini" or ".cfg" or ".conf" => Language.Ini,
            ".sh" or ".bash" or ".zsh" => Language.Shell,
            ".md" => Language.Markdown,
            _ => Language.Other,
        };
    }
}
