using System.Net;
using System.Text.RegularExpressions;

namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// The few tags the HTTP checks read from a page body (meta and script), with their attributes. A small tag reader,
/// not a full HTML parser: comments are skipped, attribute values are unquoted and entity-decoded, and every regular
/// expression has a timeout because the body comes from the server being scanned. It sees only the bounded body read.
/// </summary>
public static class HtmlTags
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private static readonly Regex Comment = new("<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Attribute = new(@"([^\s=/>""']+)(?:\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>""']+)))?", RegexOptions.CultureInvariant, Timeout);

    /// <summary>The attributes (names lower case) of every &lt;name ...&gt; start tag, in document order.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Find(string body, string name)
    {
        if (body.Length == 0 || body.IndexOf("<" + name, StringComparison.OrdinalIgnoreCase) < 0) return [];
        try
        {
            var text = Comment.Replace(body, "");
            var tag = new Regex($@"<{name}\b([^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
            return tag.Matches(text).Select(m => Attributes(m.Groups[1].Value)).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    /// <summary>The content of each &lt;meta http-equiv="header"&gt; (header compared case-insensitively).</summary>
    public static IReadOnlyList<string> HttpEquiv(string body, string header) =>
        Find(body, "meta").Where(a => a.TryGetValue("http-equiv", out var h) && h.Trim().Equals(header, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.GetValueOrDefault("content")).OfType<string>().ToList();

    /// <summary>The content of each &lt;meta name="name"&gt;.</summary>
    public static IReadOnlyList<string> MetaName(string body, string name) =>
        Find(body, "meta").Where(a => a.TryGetValue("name", out var n) && n.Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.GetValueOrDefault("content")).OfType<string>().ToList();

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Attribute.Matches(text))
        {
            var value = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value;
            attributes.TryAdd(m.Groups[1].Value.ToLowerInvariant(), WebUtility.HtmlDecode(value));
        }
        return attributes;
    }
}
