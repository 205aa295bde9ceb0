using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-3: Server, X-Powered-By and similar headers that name a product version point attackers at its CVEs.</summary>
public sealed partial class ServerVersionDisclosed : HttpTargetRule
{
    private static readonly string[] Disclosing = ["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-Generator", "X-Runtime-Version"];

    [GeneratedRegex(@"\d+\.\d+|/\s*\d", RegexOptions.CultureInvariant)]
    private static partial Regex Version();

    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var exchange in target.Answered)
        {
            foreach (var name in Disclosing)
            {
                foreach (var value in exchange.Headers(name))
                {
                    if (!Version().IsMatch(value) || !seen.Add(name + ": " + value)) continue;
                    yield return context.AtEndpoint(target.Url,
                        $"{exchange.FinalUrl} discloses its software version in the {name} header ('{value}'); remove the header or strip the version (nginx: server_tokens off; Kestrel: AddServerHeader = false; Express: app.disable('x-powered-by')).",
                        $"{name}: {value}", "header:" + name.ToLowerInvariant(), Props(exchange, ("header", name)));
                }
            }
        }
    }
}
