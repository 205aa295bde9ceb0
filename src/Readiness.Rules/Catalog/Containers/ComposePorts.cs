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

    /// <summary>Container ports of databases, caches, object stores, queues and mail catchers: never meant for the internet.</summary>
    public static readonly (int Port, string What)[] DataPorts =
    [
        (5432, "PostgreSQL"), (3306, "MySQL"), (1433, "SQL Server"), (27017, "MongoDB"), (6379, "Redis"), (11211, "Memcached"),
        (9000, "MinIO S3 API"), (9001, "MinIO console"), (9200, "Elasticsearch"), (9300, "Elasticsearch transport"), (5672, "RabbitMQ"),
        (15672, "RabbitMQ management"), (1025, "MailHog/Mailpit SMTP"), (8025, "MailHog/Mailpit web UI"), (5984, "CouchDB"),
        (9042, "Cassandra"), (8086, "InfluxDB"), (2379, "etcd"), (9092, "Kafka"), (2181, "ZooKeeper"), (7474, "Neo4j"), (8123, "ClickHouse"),
    ];

    /// <summary>The data service whose port the target is (or contains), or null.</summary>
    public (int Port, string What)? DataService()
    {
        foreach (var service in DataPorts)
            if (TargetIncludes(service.Port)) return service;
        return null;
    }

    /// <summary>The published host port as a number when it is one port ("5434"), else null (random, a range, unresolved).</summary>
    public int? PublishedPort => int.TryParse(Published, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>True when the target port (or a range "9000-9001") contains <paramref name="port"/>.</summary>
    public bool TargetIncludes(int port)
    {
        var range = Target.Split('-');
        return int.TryParse(range[0], out var from) && (range.Length == 1 ? from == port : int.TryParse(range[1], out var to) && from <= port && port <= to);
    }
}
