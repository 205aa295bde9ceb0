using System.Globalization;
using Readiness.Runner.Configuration;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Sources.Http;

/// <summary>Probe limits given on the command line; null values fall back to the ruleset, then to the defaults.</summary>
public sealed record HttpProbeLimits
{
    public double? TimeoutSeconds { get; init; }
    public int? Concurrency { get; init; }
    public int? RequestBudget { get; init; }
    public int? MaxRedirects { get; init; }
}

/// <summary>
/// Reads the HTTP targets of a scan: `--url` (repeatable) and `targets: http:` in the ruleset, either a list of URLs
/// or a mapping with `urls` (strings or { url, http_url, insecure }) and the probe limits. Every mistake is a
/// <see cref="ConfigurationError"/> with file and line.
/// </summary>
public static class HttpTargetsConfig
{
    public const string Section = "targets";

    private static readonly HashSet<string> SettingKeys = new(StringComparer.Ordinal)
    {
        "urls", "timeout_seconds", "concurrency", "request_budget", "max_redirects", "max_body_kb", "insecure",
    };

    private static readonly HashSet<string> TargetKeys = new(StringComparer.Ordinal) { "url", "http_url", "insecure" };

    /// <summary>The source for this scan, or null when no HTTP target was given anywhere.</summary>
    public static HttpProbeSource? Source(IReadOnlyList<string> urls, bool insecure, HttpProbeLimits limits, RulesetSection? targets)
    {
        var (fromRuleset, options) = targets is null ? ([], new HttpProbeOptions()) : Read(targets);
        var all = urls.Select(u => new HttpProbeTarget(CheckUrl(u, "--url", 0))).Concat(fromRuleset).ToList();
        if (all.Count == 0) return null;
        options = options with
        {
            Insecure = insecure || options.Insecure,
            Timeout = limits.TimeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : options.Timeout,
            Concurrency = limits.Concurrency ?? options.Concurrency,
            RequestBudget = limits.RequestBudget ?? options.RequestBudget,
            MaxRedirects = limits.MaxRedirects ?? options.MaxRedirects,
        };
        if (options.Validate() is { } problem) throw new ConfigurationError("command line", 0, problem + ".");
        return new HttpProbeSource(all, options);
    }

    /// <summary>Reads `targets: http:` from a ruleset section. HTTP is the only kind of target, so any other key is a typo.</summary>
    public static (IReadOnlyList<HttpProbeTarget> Targets, HttpProbeOptions Options) Read(RulesetSection section)
    {
        var file = section.File;
        if (section.Node is not YamlMappingNode targets)
            throw new ConfigurationError(file, Line(section.Node), "'targets' must be a mapping, e.g. 'targets: { http: [https://example.com/] }'.");
        foreach (var keyNode in targets.Children.Keys.Where(k => k.ToString() != "http"))
            throw new ConfigurationError(file, Line(keyNode), $"unknown key '{keyNode}' under 'targets'; expected 'http'.");
        if (!targets.Children.TryGetValue(new YamlScalarNode("http"), out var http)) return ([], new HttpProbeOptions());

        var options = new HttpProbeOptions();
        YamlNode? urls = http;
        if (http is YamlMappingNode settings)
        {
            urls = null;
            foreach (var (keyNode, value) in settings.Children)
            {
                var key = keyNode.ToString();
                options = key switch
                {
                    "urls" => options,
                    "timeout_seconds" => options with { Timeout = TimeSpan.FromSeconds(Number(value, file, key)) },
                    "concurrency" => options with { Concurrency = (int)Number(value, file, key) },
                    "request_budget" => options with { RequestBudget = (int)Number(value, file, key) },
                    "max_redirects" => options with { MaxRedirects = (int)Number(value, file, key) },
                    "max_body_kb" => options with { MaxBodyBytes = (int)Number(value, file, key) * 1024 },
                    "insecure" => options with { Insecure = Bool(value, file, key) },
                    _ => throw new ConfigurationError(file, Line(keyNode), $"unknown key '{key}' in targets.http; expected one of {string.Join(", ", SettingKeys.Order())}."),
                };
                if (key == "urls") urls = value;
            }
            if (options.Validate() is { } problem) throw new ConfigurationError(file, Line(http), problem + ".");
        }
        if (urls is not YamlSequenceNode list)
            throw new ConfigurationError(file, Line(urls ?? http), "targets.http needs a list of URLs (directly, or under 'urls').");
        return (list.Children.Select(item => Target(item, file)).ToList(), options);
    }

    private static HttpProbeTarget Target(YamlNode item, string file)
    {
        if (item is YamlScalarNode scalar) return new HttpProbeTarget(CheckUrl(scalar.Value ?? "", file, Line(item)));
        if (item is not YamlMappingNode map)
            throw new ConfigurationError(file, Line(item), "each HTTP target is a URL or a mapping with 'url' (and optionally 'http_url', 'insecure').");
        foreach (var key in map.Children.Keys.Where(k => !TargetKeys.Contains(k.ToString())))
            throw new ConfigurationError(file, Line(key), $"unknown key '{key}' in an HTTP target; expected one of {string.Join(", ", TargetKeys.Order())}.");
        string? Text(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
        var url = Text("url") ?? throw new ConfigurationError(file, Line(map), "an HTTP target mapping needs 'url'.");
        var httpUrl = Text("http_url");
        return new HttpProbeTarget(CheckUrl(url, file, Line(map)))
        {
            HttpUrl = httpUrl is null ? null : CheckUrl(httpUrl, file, Line(map), plainOnly: true),
            Insecure = map.Children.TryGetValue(new YamlScalarNode("insecure"), out var insecure) ? Bool(insecure, file, "insecure") : null,
        };
    }

    private static string CheckUrl(string url, string file, int line, bool plainOnly = false)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || (plainOnly && uri.Scheme != Uri.UriSchemeHttp))
            throw new ConfigurationError(file, line, $"'{url}' is not an absolute {(plainOnly ? "http://" : "http:// or https://")} URL.");
        return url;
    }

    private static double Number(YamlNode node, string file, string key) =>
        node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationError(file, Line(node), $"targets.http {key} must be a number.");

    private static bool Bool(YamlNode node, string file, string key) =>
        node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value)
            ? value
            : throw new ConfigurationError(file, Line(node), $"{key} must be true or false.");

    private static int Line(YamlNode node) => RulesetLoader.Line(node);
}
