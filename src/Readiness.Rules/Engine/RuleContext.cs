using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Engine;

/// <summary>
/// What a rule sees besides its input: its effective severity and parameters (after the ruleset), the clock,
/// the whole model for lookups, and helpers that build findings with the right rule id, source and location.
/// </summary>
public sealed class RuleContext
{
    private readonly IReadOnlyDictionary<string, object> parameters;

    private readonly Action<CoverageGap>? onGap;

    public RuleContext(RuleMetadata metadata, Severity severity, IReadOnlyDictionary<string, object>? parameters = null,
        Evidence? evidence = null, DateTimeOffset? now = null, Action<CoverageGap>? onGap = null)
    {
        this.onGap = onGap;
        Metadata = metadata;
        Severity = severity;
        this.parameters = parameters ?? new Dictionary<string, object>();
        Evidence = evidence ?? new Evidence();
        Now = now ?? DateTimeOffset.UtcNow;
    }

    public RuleMetadata Metadata { get; }
    public Severity Severity { get; }
    public Evidence Evidence { get; }
    public CloudInventory Cloud => Evidence.Cloud;
    public DateTimeOffset Now { get; }

    /// <summary>The secret detectors of this scan: the shipped ones plus the ruleset's own (custom.secrets).</summary>
    public Secrets.DetectorSet SecretDetectors { get; init; } = Secrets.DetectorSet.Shipped;

    public int Int(string name) => Convert.ToInt32(Parameter(name), System.Globalization.CultureInfo.InvariantCulture);
    public string String(string name) => (string)Parameter(name);
    public bool Bool(string name) => (bool)Parameter(name);
    public IReadOnlyList<string> StringList(string name) => (IReadOnlyList<string>)Parameter(name);

    private object Parameter(string name)
    {
        if (parameters.TryGetValue(name, out var value)) return value;
        if (Metadata.Parameters.TryGetValue(name, out var declared)) return declared.Default;
        throw new InvalidOperationException($"Rule {Metadata.Id} reads parameter '{name}' that its metadata does not declare.");
    }

    /// <summary>
    /// The rule could not fully look at the file (a regex time limit, a cut-off scan): a coverage gap, so the scan fails
    /// closed instead of reading the silence as a pass. The engine keeps one gap per file and reason.
    /// </summary>
    public void CouldNotLook(SourceFile file, string reason, int line = 0) =>
        onGap?.Invoke(new CoverageGap(EvidenceSource.Code, file.Path, reason) { Line = line });

    /// <summary>A finding at a line of a source file. The fingerprint key defaults to the line's normalized text.</summary>
    public Finding AtLine(SourceFile file, int line, string message, string? snippet = null, string? fingerprintKey = null,
        IReadOnlyDictionary<string, string>? properties = null, int endLine = 0, int column = 0)
    {
        snippet ??= file.Line(line).Trim();
        return new Finding
        {
            RuleId = Metadata.Id,
            Severity = Severity,
            Source = EvidenceSource.Code,
            Message = message,
            Location = Location.InFile(file.Path, line, endLine == 0 ? line : endLine, column),
            Snippet = Truncate(snippet),
            FingerprintKey = fingerprintKey ?? Normalize(file.Line(line)),
            Properties = properties ?? Finding.EmptyProperties,
        };
    }

    /// <summary>
    /// A finding on a cloud resource, pointing where the value of <paramref name="attribute"/> (or the given
    /// <paramref name="value"/>, such as one element of a list) was set, else at the resource.
    /// </summary>
    public Finding OnResource(CloudResource resource, string message, string? attribute = null, string? snippet = null,
        string? fingerprintKey = null, IReadOnlyDictionary<string, string>? properties = null, int line = 0, IValue? value = null)
    {
        // An explicit line (an ingress rule, a listener) is in the resource's own file, whatever file a value came from.
        var location = line > 0 ? resource.LocationOf((IValue?)null) : value is null ? resource.LocationOf(attribute) : resource.LocationOf(value, attribute);
        if (line > 0 && location.File is not null) location = location with { File = location.File with { StartLine = line, EndLine = line } };
        var finding = new Finding
        {
            RuleId = Metadata.Id,
            Severity = Severity,
            Source = resource.Provenance.Source,
            Message = message,
            Location = location,
            Snippet = snippet is null ? null : Truncate(snippet),
            FingerprintKey = fingerprintKey ?? attribute ?? "",
            Properties = properties ?? Finding.EmptyProperties,
        };
        return resource.Provenance is { IsExampleRoot: true, Root: { } root } ? AsExample(finding, root) : finding;
    }

    /// <summary>
    /// A finding reached through an example root of a module library: labelled in its message (every report shows it),
    /// marked for the gate, and keyed by its root so the same module line reached from two examples is two findings.
    /// </summary>
    private static Finding AsExample(Finding finding, string root) => finding with
    {
        Message = $"{finding.Message} Example: reached through the example root '{root}'.",
        FingerprintKey = $"{finding.FingerprintKey}@{root}",
        Properties = new Dictionary<string, string>(finding.Properties) { [Finding.ExampleRootProperty] = root },
    };

    /// <summary>
    /// The rule cannot decide because a value is an unresolved expression: an info-level finding that names it,
    /// never a guessed pass or fail.
    /// </summary>
    public Finding Undecided(CloudResource resource, string attribute, string? expression, string whatIsAsked) =>
        OnResource(resource,
            $"Cannot decide whether {resource.DisplayName} {whatIsAsked}: {attribute} is set to the unresolved expression '{expression}'. Give it a literal value, a variable default or a tfvars value so it can be checked.",
            attribute, snippet: expression, fingerprintKey: "undecided:" + attribute) with
        { Severity = Severity.Info, Undecided = true };

    /// <summary>A finding on an HTTP endpoint, with the header or body excerpt that proves it.</summary>
    public Finding AtEndpoint(string url, string message, string? snippet = null, string? fingerprintKey = null,
        IReadOnlyDictionary<string, string>? properties = null) => new()
        {
            RuleId = Metadata.Id,
            Severity = Severity,
            Source = EvidenceSource.Http,
            Message = message,
            Location = Location.AtEndpoint(url),
            Snippet = snippet is null ? null : Truncate(snippet),
            FingerprintKey = fingerprintKey ?? "",
            Properties = properties ?? Finding.EmptyProperties,
        };

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..297] + "...";

    private static string Normalize(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
