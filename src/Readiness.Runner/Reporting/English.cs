namespace Readiness.Runner.Reporting;

/// <summary>Counts as a reader expects them: "1 accepted risk", "2 accepted risks", "1 finding blocks".</summary>
public static class English
{
    /// <summary>"1 finding", "2 findings"; <paramref name="plural"/> for nouns that do not just take an s.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>The verb after a count: "1 finding blocks", "2 findings block".</summary>
    public static string Verb(long n, string singular, string plural) => n == 1 ? singular : plural;
}
