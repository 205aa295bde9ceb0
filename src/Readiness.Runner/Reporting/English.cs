namespace Readiness.Runner.Reporting;

/// <summary>Counts and articles as a reader expects them: "1 accepted risk", "2 accepted risks", "an AWS key".</summary>
public static class English
{
    /// <summary>"1 finding", "2 findings"; <paramref name="plural"/> for nouns that do not just take an s.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>The verb after a count: "1 finding blocks", "2 findings block".</summary>
    public static string Verb(long n, string singular, string plural) => n == 1 ? singular : plural;

    /// <summary>"a" or "an" before a word, by its sound for the common cases: vowels and initialisms read letter by letter (an AWS, an SSH, a URL).</summary>
    public static string Article(string word)
    {
        if (word.Length == 0) return "a";
        var initialism = word.Length > 1 && char.IsUpper(word[0]) && char.IsUpper(word[1]);
        var first = char.ToUpperInvariant(word[0]);
        if (initialism) return "AEFHILMNORSX".Contains(first) ? "an" : "a";
        if (word.StartsWith("uni", StringComparison.OrdinalIgnoreCase) || word.StartsWith("use", StringComparison.OrdinalIgnoreCase)) return "a";
        return "AEIOU".Contains(first) ? "an" : "a";
    }
}
