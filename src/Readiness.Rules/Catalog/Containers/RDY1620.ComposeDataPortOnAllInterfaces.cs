using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>A database, cache, object store or mail port published on every interface of the host.</summary>
public sealed class ComposeDataPortOnAllInterfaces : ComposeRule
{
    private static readonly (int Port, string What)[] DataPorts =
    [
        (5432, "PostgreSQL"), (3306, "MySQL"), (1433, "SQL Server"), (27017, "MongoDB"), (6379, "Redis"), (11211, "Memcached"),
        (9000, "MinIO S3 API"), (9001, "MinIO console"), (9200, "Elasticsearch"), (9300, "Elasticsearch transport"), (5672, "RabbitMQ"),
        (15672, "RabbitMQ management"), (1025, "MailHog/Mailpit SMTP"), (8025, "MailHog/Mailpit web UI"), (5984, "CouchDB"),
        (9042, "Cassandra"), (8086, "InfluxDB"), (2379, "etcd"), (9092, "Kafka"), (2181, "ZooKeeper"), (7474, "Neo4j"), (8123, "ClickHouse"),
    ];

    protected override IEnumerable<(ComposeValue At, string Message, string Key)> Check(ComposeConfiguration configuration, ComposeService service, ContainerEvidence containers, RuleContext context)
    {
        foreach (var value in service.Ports)
        {
            if (ComposePort.Parse(value.Value) is not { OnEveryInterface: true } port) continue;
            var match = DataPorts.FirstOrDefault(d => port.TargetIncludes(d.Port));
            if (match.What is null) continue;
            var published = port.Published is null ? "a random host port" : $"host port {port.Published}";
            yield return (value,
                $"Service '{service.Name}' publishes its {match.What} port {port.Target} as {published} on every interface of the host (\"{value.Value}\"); on a host with a public IP only the security group stands between that port and the internet. Bind it to loopback (\"127.0.0.1:{port.Published ?? port.Target}:{port.Target}\") or remove `ports:` and reach it over the compose network.",
                "port:" + port.Target);
        }
    }
}
