using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>The server still agrees to a TLS 1.0 or 1.1 handshake (deprecated by RFC 8996).</summary>
public sealed class LegacyTlsAccepted : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context)
    {
        var accepted = target.LegacyProtocols.Where(p => p.Accepted == true).ToList();
        if (accepted.Count == 0) yield break;
        var names = string.Join(" and ", accepted.Select(p => p.Protocol));
        yield return context.AtEndpoint(target.Url,
            $"{new Uri(target.Url).Host}:{new Uri(target.Url).Port} still accepts {names}, deprecated since 2021 (RFC 8996) and open to downgrade attacks; allow TLS 1.2 and 1.3 only.",
            string.Join("\n", accepted.Select(p => $"{p.Protocol}: {p.Note}")), "legacy-tls",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["protocols"] = names });
    }
}
