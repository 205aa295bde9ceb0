using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IEbsClient
{
    Task<IReadOnlyList<EbsVolume>> DescribeVolumesAsync(string account, string region, CancellationToken ct);
    Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(string account, string region, CancellationToken ct);
}

/// <summary>EBS volumes and EC2 instances through the EC2 Query API (DescribeVolumes, DescribeInstances, paged by NextToken).</summary>
public sealed class EbsClient(AwsSession session) : IEbsClient
{
    private readonly QueryProtocol query = new(session, "ec2", "ec2", "2016-11-15");

    public async Task<IReadOnlyList<EbsVolume>> DescribeVolumesAsync(string account, string region, CancellationToken ct)
    {
        var volumes = new List<EbsVolume>();
        await foreach (var page in query.PagesAsync(region, "DescribeVolumes", [new("MaxResults", "500")], "NextToken", p => p.Str("nextToken"), ct, items: "volumeSet").ConfigureAwait(false))
        {
            foreach (var v in page.Items("volumeSet", "item"))
            {
                var id = v.Str("volumeId")!;
                var arn = $"arn:aws:ec2:{region}:{account}:volume/{id}";
                volumes.Add(new EbsVolume
                {
                    Id = id,
                    Tags = Ec2Client.TagsOf(v),
                    Encrypted = Value<bool>.Of(v.Bool("encrypted")).From(ValueOrigin.Live(arn, "Encrypted")),
                    Provenance = Ec2Client.Live(account, region, arn),
                });
            }
        }
        return volumes;
    }

    public async Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(string account, string region, CancellationToken ct)
    {
        var instances = new List<Ec2Instance>();
        await foreach (var page in query.PagesAsync(region, "DescribeInstances", [new("MaxResults", "1000")], "NextToken", p => p.Str("nextToken"), ct, items: "reservationSet").ConfigureAwait(false))
        {
            foreach (var i in page.Items("reservationSet", "item").SelectMany(r => r.Items("instancesSet", "item")))
            {
                if (i.El("instanceState").Str("name") is "terminated" or "shutting-down") continue;
                var id = i.Str("instanceId")!;
                var arn = $"arn:aws:ec2:{region}:{account}:instance/{id}";
                var metadata = i.El("metadataOptions");
                instances.Add(new Ec2Instance
                {
                    Id = id,
                    Tags = Ec2Client.TagsOf(i),
                    HttpTokens = Value<string?>.Of(metadata.Str("httpTokens") ?? Ec2Instance.Defaults.HttpTokens).From(ValueOrigin.Live(arn, "MetadataOptions.HttpTokens")),
                    HttpEndpoint = Value<string>.Of(metadata.Str("httpEndpoint") ?? Ec2Instance.Defaults.HttpEndpoint).From(ValueOrigin.Live(arn, "MetadataOptions.HttpEndpoint")),
                    Provenance = Ec2Client.Live(account, region, arn),
                });
            }
        }
        return instances;
    }
}

/// <summary>The EBS volumes and running instances of one region (their security groups and VPCs are read by <see cref="Ec2Collector"/>).</summary>
public sealed class EbsCollector : ILiveCollector
{
    public string Service => "ec2";
    public bool IsGlobal => false;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct)
    {
        var client = new EbsClient(session);
        return [.. await client.DescribeVolumesAsync(account, region, ct).ConfigureAwait(false), .. await client.DescribeInstancesAsync(account, region, ct).ConfigureAwait(false)];
    }
}
