namespace Readiness.Rules.Model;

/// <summary>How bad a finding is. Ordered so that comparisons read naturally (High &gt; Medium).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KebabCaseEnumConverter<Severity>))]
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>Which kind of evidence a finding was judged on: the four sources the product reads.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KebabCaseEnumConverter<EvidenceSource>))]
public enum EvidenceSource
{
    Code,
    Iac,
    Aws,
    Http,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Severity severity)
    {
        severity = Severity.Info;
        return text is not null
            && Enum.TryParse(text, ignoreCase: true, out severity)
            && Enum.IsDefined(severity)
            && !int.TryParse(text, out _);
    }

    public static string ToName(this EvidenceSource source) => source switch
    {
        EvidenceSource.Code => "code",
        EvidenceSource.Iac => "iac",
        EvidenceSource.Aws => "aws",
        EvidenceSource.Http => "http",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };
}
