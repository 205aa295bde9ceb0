using System.Text.RegularExpressions;
using Readiness.Rules.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// One accepted risk from a suppression file: the rule (from the file's name), what it matches, why, who owns it and
/// until when. Match is a path glob, a resource id or ARN glob, or a finding fingerprint.
/// </summary>
public sealed partial class SuppressionEntry
{
    public required string RuleId { get; init; }
    public required string Match { get; init; }
    public required string Reason { get; init; }
    public required DateOnly Expires { get; init; }
    public string? Owner { get; init; }
    public string? Ticket { get; init; }

    /// <summary>
    /// The scanned folder relative to the project whose <c>.readiness/</c> holds this entry ("" for the scanned folder's
    /// own): path globs are written relative to the project, so a subfolder scan prefixes its paths with it.
    /// </summary>
    public string PathPrefix { get; init; } = "";

    /// <summary>"file:line" of the entry, as shown to the user.</summary>
    public required string Source { get; init; }

    /// <summary>From the expiry date on, the suppression no longer applies.</summary>
    public bool IsExpired(DateOnly today) => today >= Expires;

    public bool Matches(Finding finding)
    {
        if (finding.RuleId != RuleId) return false;
        if (Fingerprint().IsMatch(Match)) return string.Equals(finding.Fingerprint, Match, StringComparison.OrdinalIgnoreCase);
        var location = finding.Location;
        if (location.File is { } file && PathGlob.IsMatch(Scan.ProjectSettings.FromProject(PathPrefix, file.Path))) return true;
        if (location.Resource is { } resource)
        {
            var text = TextGlob;
            if ((resource.Arn is { } arn && text.IsMatch(arn)) || text.IsMatch(resource.Id) || (resource.Address is { } address && text.IsMatch(address)))
                return true;
        }
        return location.Endpoint is { } endpoint && TextGlob.IsMatch(endpoint);
    }

    public SuppressionInfo ToInfo() => new()
    {
        Kind = "file",
        Reason = Reason,
        Owner = Owner,
        Expires = Expires,
        Ticket = Ticket,
        Source = Source,
    };

    // Built on first use (a benign race at worst builds one twice).
    private Regex? pathRegex;
    private Regex? textRegex;
    private Regex PathGlob => pathRegex ??= Glob.ForPath(Match);
    private Regex TextGlob => textRegex ??= Glob.ForText(Match);

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex Fingerprint();
}
