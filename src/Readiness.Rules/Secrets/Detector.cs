using System.Text.RegularExpressions;
using Readiness.Rules.Model;

namespace Readiness.Rules.Secrets;

/// <summary>
/// One provider-specific secret detector, loaded from detectors.yaml (data, like gitleaks' config). The regex runs only
/// in windows around one of its keywords; the group "secret" is the credential that gets hashed and redacted.
/// </summary>
public sealed class Detector
{
    /// <summary>Regexes only ever see bounded windows, so a match taking longer than this is pathological input (generous: CI machines are shared).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);

    internal const int MatchTimeoutMilliseconds = 2000;

    /// <summary>The options of every detector regex, the shipped ones generated at build time among them.</summary>
    internal const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private readonly Lazy<Regex> regex;

    public Detector(string id, string title, SecretKind kind, Severity severity, IReadOnlyList<string> keywords, string pattern)
    {
        Id = id;
        Title = title;
        Kind = kind;
        Severity = severity;
        Keywords = keywords;
        Pattern = pattern;
        // Built lazily: a scan that never meets a keyword never pays for parsing its regex.
        regex = new Lazy<Regex>(() => Build(pattern));
    }

    public string Id { get; }
    public string Title { get; }
    public SecretKind Kind { get; }
    public Severity Severity { get; }
    public IReadOnlyList<string> Keywords { get; }
    public string Pattern { get; }
    /// <summary>
    /// The detector's regex: a shipped detector's was generated at build time (<see cref="DetectorRegexes"/>), so it
    /// runs as compiled code with no emit or JIT; a ruleset's own is interpreted. Compiling at run time does not pay
    /// back its emit and JIT on the bounded windows a detector sees: compiling every detector a scan meets cost 7.7%
    /// of a standard-library scan (docs/performance.md, rounds 8 and 15).
    /// </summary>
    public Regex Regex => regex.Value;

    /// <summary>A detector regex (its own or its pair's), with the options and time limit every detector regex shares.</summary>
    internal static Regex Build(string pattern) => DetectorRegexes.For(pattern) ?? new(pattern, Options, MatchTimeout);

    public double? MinEntropy { get; init; }
    public string? Validate { get; init; }
    public IReadOnlyList<string> Near { get; init; } = [];

    /// <summary>
    /// The full length of this detector's tokens, by the keyword they start with (cfut_: 53): a shorter value that starts
    /// with the keyword is a truncated copy, which the generic pass does not report under a secret name either.
    /// </summary>
    public IReadOnlyDictionary<string, int> Lengths { get; init; } = new Dictionary<string, int>();

    /// <summary>True when a match may span lines after its keyword (private key blocks, JSON documents).</summary>
    public bool Block { get; init; }

    /// <summary>
    /// True when the regex checks the token's format to the character (prefix, fixed length, fixed suffix): a word read in
    /// its body (abc123, fake) does not make it a placeholder; a known example, low entropy or an explicit placeholder
    /// (xxxx, your-..., changeme) still does.
    /// </summary>
    public bool Exact { get; init; }

    /// <summary>
    /// The identifier that completes this secret (a PayPal client ID, a Mailjet API key; its group "id", else the whole
    /// match), looked for within 5 lines: when found, the two are one usable credential, reported once as critical with
    /// the identifier's preview and HMAC. Null for a secret that works alone.
    /// </summary>
    public Regex? Pair { get; init; }

    /// <summary>What the paired identifier is called in messages ("client ID").</summary>
    public string? PairName { get; init; }

    public string? Revoke { get; init; }
    public IReadOnlyList<string> TrueSamples { get; init; } = [];
    public IReadOnlyList<string> FalseSamples { get; init; } = [];

    /// <summary>Values this detector knows are not secrets (a ruleset's allowlist regexes): neither it nor a later pass reports them.</summary>
    public IReadOnlyList<Regex> AllowedValues { get; init; } = [];

    /// <summary>Paths the detector does not look at (a ruleset's allowlist paths); null when it looks everywhere.</summary>
    public Func<string, bool>? SkipsPath { get; init; }

    public override string ToString() => Id;
}

/// <summary>
/// The detectors shipped in the assembly (Secrets/detectors.yaml). Readiness.Rules.Generator turns that file into C# at
/// build time (a call to <see cref="Describe"/> per detector), so start-up parses no YAML; a malformed file fails the
/// build, and values that mean nothing (an unknown kind, severity or validator) fail here and in the tests.
/// </summary>
public static partial class DetectorCatalog
{
    public static readonly IReadOnlySet<string> Validators = new HashSet<string>(StringComparer.Ordinal)
    {
        "github-crc32", "jwt", "basic-auth-base64", "url-password", "assigned-password", "pem-body", "base64-pem-private-key",
    };

    private static readonly Lazy<IReadOnlyList<Detector>> All = new(() =>
    {
        var detectors = Shipped();
        var duplicate = detectors.GroupBy(d => d.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"detectors.yaml: detector id {duplicate.Key} is used twice.");
        return detectors;
    });

    public static IReadOnlyList<Detector> Detectors => All.Value;

    /// <summary>A token length as detectors.yaml states it ("cfut_: 53" on line 212).</summary>
    internal sealed record TokenLength(string Keyword, string Length, int Line);

    /// <summary>The shipped detectors, written by Readiness.Rules.Generator from detectors.yaml.</summary>
    private static partial IReadOnlyList<Detector> Shipped();

    /// <summary>One detector as detectors.yaml states it, with what its values mean checked.</summary>
    internal static Detector Describe(string id, string title, string kind, string severity, string[] keywords, string regex,
        string? entropy, string? validate, string[] near, string? block, string? exact, string? pair, string? pairName,
        TokenLength[] lengths, string? revoke, string[] trueSamples, string[] falseSamples)
    {
        if (!SeverityNames.TryParse(severity, out var level)) throw new FormatException($"detectors.yaml: {id} has an unknown severity.");
        if (validate is not null && !Validators.Contains(validate)) throw new FormatException($"detectors.yaml: {id} names unknown validator '{validate}'.");
        if (keywords.Length == 0 || keywords.Any(k => k.Length < 2 || k != k.ToLowerInvariant()))
            throw new FormatException($"detectors.yaml: {id} needs lower-case keywords of at least 2 characters.");
        if ((pair is null) != (pairName is null)) throw new FormatException($"detectors.yaml: {id} needs both 'pair' and 'pair-name'.");
        var secretKind = kind switch
        {
            "provider" => SecretKind.Provider,
            "private-key" => SecretKind.PrivateKey,
            "connection-password" => SecretKind.ConnectionPassword,
            var other => throw new FormatException($"detectors.yaml: {id} has unknown kind '{other}' (provider, private-key, connection-password)."),
        };
        var tokenLengths = new Dictionary<string, int>(lengths.Length);
        foreach (var (keyword, length, line) in lengths)
        {
            tokenLengths[keyword] = int.TryParse(length, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new FormatException($"detectors.yaml:{line}: a length must be a positive number.");
        }
        return new Detector(id, title, secretKind, level, keywords, regex)
        {
            MinEntropy = entropy is null ? null : double.Parse(entropy, System.Globalization.CultureInfo.InvariantCulture),
            Validate = validate,
            Near = near,
            Block = block == "true",
            Exact = exact == "true",
            Pair = pair is null ? null : Detector.Build(pair),
            PairName = pairName,
            Lengths = tokenLengths,
            Revoke = revoke,
            TrueSamples = trueSamples,
            FalseSamples = falseSamples,
        };
    }
}
