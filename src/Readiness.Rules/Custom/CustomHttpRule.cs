using System.Text.RegularExpressions;
using Readiness.Rules.Catalog.Http;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Custom;

/// <summary>What a custom HTTP rule asks of a page's response headers.</summary>
public enum HeaderRequirement
{
    /// <summary>The header must be sent (and match <see cref="CustomHttpRule.Pattern"/> when one is given).</summary>
    Required,

    /// <summary>The header must not be sent.</summary>
    Forbidden,
}

/// <summary>
/// A header requirement a ruleset declares (custom.http), judged on the page response of every configured target
/// that answered (targets that did not carry a coverage gap instead).
/// </summary>
public sealed class CustomHttpRule : HttpTargetRule
{
    public CustomHttpRule(RuleMetadata metadata, string header, HeaderRequirement requirement, Regex? pattern)
    {
        Metadata = metadata;
        Header = header;
        Requirement = requirement;
        Pattern = pattern;
    }

    public string Header { get; }
    public HeaderRequirement Requirement { get; }
    public Regex? Pattern { get; }

    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var page = Page(target);
        if (page is null) yield break;
        var values = page.Headers(Header).ToList();
        var key = Header.ToLowerInvariant();
        if (Requirement == HeaderRequirement.Forbidden)
        {
            if (values.Count > 0)
                yield return context.AtEndpoint(target.Url,
                    $"{page.FinalUrl} sends the {Header} header, which {Id} ({Metadata.Title}) forbids; stop sending it.",
                    HeaderLine(page, Header), key, Props(page));
        }
        else if (values.Count == 0)
        {
            yield return context.AtEndpoint(target.Url,
                $"{page.FinalUrl} sends no {Header} header, which {Id} ({Metadata.Title}) requires; send it from the application or the proxy in front of it.",
                HeaderLine(page, Header), key, Props(page));
        }
        else if (Pattern is not null && !values.Any(v => Pattern.IsMatch(v)))
        {
            yield return context.AtEndpoint(target.Url,
                $"{page.FinalUrl} sends a {Header} header that does not match '{Pattern}', which {Id} ({Metadata.Title}) requires; change its value.",
                HeaderLine(page, Header), key, Props(page));
        }
    }
}
