using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// The security groups and VPCs of one region, and whether EBS encrypts new volumes by default (an account setting of
/// the region). Each read fails apart, so a denied DescribeVpcs still leaves the security groups judged.
/// Route tables are read by <see cref="RdsCollector"/>, the only service that needs them.
/// </summary>
public sealed class Ec2Collector : ILiveReader
{
    public string Service => "ec2";
    public bool IsGlobal => false;

    public async Task ReadAsync(LiveScope scope, CancellationToken ct)
    {
        var ec2 = new Ec2Client(scope.Session);
        await scope.ReadAsync(Service, async () =>
        {
            foreach (var g in await ec2.DescribeSecurityGroupsAsync(scope.Account, scope.Region, ct).ConfigureAwait(false)) scope.Add(g);
        }).ConfigureAwait(false);
        await scope.ReadAsync(Service, async () =>
        {
            foreach (var v in await ec2.DescribeVpcsAsync(scope.Account, scope.Region, ct).ConfigureAwait(false)) scope.Add(v);
        }).ConfigureAwait(false);
        await scope.ReadAsync(Service, async () =>
        {
            var byDefault = await ec2.GetEbsEncryptionByDefaultAsync(scope.Region, ct).ConfigureAwait(false);
            scope.Settings(s => s with { EbsEncryptionByDefault = byDefault });
        }).ConfigureAwait(false);
    }
}
