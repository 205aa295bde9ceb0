namespace Readiness.Rules.Catalog.Containers;

/// <summary>A published port of a compose service: short syntax ("127.0.0.1:5434:5432/tcp", "6379") or long syntax.</summary>
public sealed record ComposePort(string? HostIp, string? Published, string Target)
{
    /// <summary>Published on every interface of the host: no host IP, 0.0.0.0 or ::.</summary>
    public bool OnEveryInterface => HostIp is null or "" or "0.0.0.0" or "::" or "[::]";

    public static ComposePort? Parse(string value)
    {
        if (value.Contains('=', StringComparison.Ordinal))
        {
            var fields = value.Split(',').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0].Trim(), f => f[1].Trim(), StringComparer.Ordinal);
            return fields.TryGetValue("target", out var target) ? new ComposePort(fields.GetValueOrDefault("host_ip"), fields.GetValueOrDefault("published"), target) : null;
        }
        var text = value.Trim();
        var slash = text.IndexOf('/');
        if (slash >= 0) text = text[..slash];
        string? ip = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0) return null;
            ip = text[..(close + 1)];
            text = text[(close + 2)..];
        }
        var parts = text.Split(':');
        return parts.Length switch
        {
            1 => new ComposePort(ip, null, parts[0]),
            2 => new ComposePort(ip, parts[0], parts[1]),
            3 => new ComposePort(parts[0], parts[1], parts[2]),
            _ => null,
        };
    }

    /// <summary>True when the target port (or a range "9000-9001") contains <paramref name="port"/>.</summary>
    public bool TargetIncludes(int port)
    {
        var range = Target.Split('-');
        return int.TryParse(range[0], out var from) && (range.Length == 1 ? from == port : int.TryParse(range[1], out var to) && from <= port && port <= to);
    }
}
