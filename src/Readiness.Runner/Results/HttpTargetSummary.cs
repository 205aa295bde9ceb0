using Readiness.Rules.Catalog.Http;
using Readiness.Rules.Model;

namespace Readiness.Runner.Results;

/// <summary>
/// One probed HTTP target as reported: its grade (MDN HTTP Observatory scoring, computed from the same responses as the
/// findings), whether certificate checks were off (--insecure) and why, and why it could not be graded.
/// </summary>
public sealed record HttpTargetSummary
{
    public required string Url { get; init; }

    /// <summary>Where the page finally answered, after redirects.</summary>
    public string? FinalUrl { get; init; }

    public bool Insecure { get; init; }
    public string? CertificateProblem { get; init; }

    /// <summary>Why the target could not be fetched; it then has no grade and a coverage gap.</summary>
    public string? Failure { get; init; }

    /// <summary>A+ to F, null when the target could not be fetched.</summary>
    public string? Grade { get; init; }
    public int? Score { get; init; }

    /// <summary>The graded tests with their outcome and score modifier.</summary>
    public IReadOnlyList<GradeTest> Tests { get; init; } = [];

    public static HttpTargetSummary From(HttpTarget target)
    {
        var grade = HttpGrader.Grade(target);
        return new HttpTargetSummary
        {
            Url = target.Url,
            FinalUrl = target.Exchange(HttpPurposes.Page)?.FinalUrl,
            Insecure = target.Insecure,
            CertificateProblem = target.CertificateProblem,
            Failure = target.Failure,
            Grade = grade?.Letter,
            Score = grade?.Score,
            Tests = grade?.Tests ?? [],
        };
    }

    /// <summary>One console line: "https://x/  grade A+ (score 125)", with the --insecure note or the failure.</summary>
    public string Display()
    {
        var insecure = InsecureNote() is { } note ? $"  [{note}]" : "";
        var moved = FinalUrl is not null && FinalUrl != Url ? $" -> {FinalUrl}" : "";
        return Grade is null
            ? $"{Url}  not graded: {Failure ?? "no response"}{insecure}"
            : $"{Url}{moved}  grade {Grade} (score {Score}){insecure}";
    }

    /// <summary>Where the page ended up, the failure and the --insecure note, for report tables.</summary>
    public string Notes() => string.Join("; ", new[]
    {
        FinalUrl is not null && FinalUrl != Url ? "redirects to " + FinalUrl : null,
        Failure,
        InsecureNote(),
    }.OfType<string>());

    // --insecure only matters where TLS was used: say so there, with what would otherwise have failed.
    private string? InsecureNote()
    {
        var usedTls = (FinalUrl ?? Url).StartsWith("https://", StringComparison.OrdinalIgnoreCase) || CertificateProblem is not null;
        return Insecure && usedTls ? "--insecure" + (CertificateProblem is null ? "" : ": " + CertificateProblem) : null;
    }
}
