using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// CloudFront, once per account: the distributions, the custom response headers policies they use, and the web ACLs
/// of scope CLOUDFRONT (which can protect distributions only), each listing the distributions it protects.
/// </summary>
public sealed class CloudFrontCollector : ILiveReader
{
    private static readonly IReadOnlySet<string> ManagedHeaderPolicies = new HashSet<string>(StringComparer.Ordinal)
    {
        "67f7725c-6f97-4210-82d7-5512b31e9d03", // SecurityHeadersPolicy
        "60669652-455b-4ae9-85a4-c4c02393f86c", // SimpleCORS
        "5cc3b908-e619-4b99-88e5-2cf7f45965bd", // CORS-With-Preflight
        "e61eb60c-9c35-4d20-a928-2b84e02af89c", // CORS-and-SecurityHeadersPolicy
        "eaab4381-ed33-4a86-88ca-d9558dc6cd63", // CORS-with-preflight-and-SecurityHeadersPolicy
    };

    public string Service => "cloudfront";
    public bool IsGlobal => true;

    public async Task ReadAsync(LiveScope scope, CancellationToken ct)
    {
        var acls = new List<WebAcl>();
        var aclsRead = await scope.ReadAsync("wafv2", async () =>
            acls.AddRange(await new Wafv2Client(scope.Session).ListWebAclsAsync(scope.Account, AwsSession.GlobalRegion, "CLOUDFRONT", ct).ConfigureAwait(false))).ConfigureAwait(false);

        var cloudFront = new CloudFrontClient(scope.Session);
        var distributions = new List<Distribution>();
        try
        {
            distributions.AddRange(await cloudFront.ListDistributionsAsync(scope.Account, ct).ConfigureAwait(false));
            await AddLogDeliveriesAsync(scope, distributions, ct).ConfigureAwait(false);
            // Only custom policies need reading: AWS managed ones are judged by their well-known ids.
            var custom = distributions.SelectMany(d => d.Behaviors).Select(b => b.ResponseHeadersPolicyId.Known)
                .OfType<string>().Where(id => !ManagedHeaderPolicies.Contains(id)).ToHashSet(StringComparer.Ordinal);
            if (custom.Count > 0)
            {
                foreach (var p in await cloudFront.ListResponseHeadersPoliciesAsync(scope.Account, ct).ConfigureAwait(false))
                {
                    if (custom.Contains(p.Id)) scope.Add(p);
                }
            }
        }
        finally
        {
            // Distributions read before a failure still count; the failure is CloudFront's gap.
            foreach (var d in distributions) scope.Add(d);
            if (aclsRead)
            {
                foreach (var acl in acls)
                {
                    var protectedBy = distributions.Where(d => d.WebAclId.Known is { } id && (id == acl.Provenance.Arn || id == acl.Id))
                        .Select(d => d.Provenance.Arn!).ToList();
                    scope.Add(acl with { AssociatedResources = protectedBy });
                }
            }
        }
    }

    /// <summary>
    /// A distribution without legacy logging may still log through standard logging v2 (a CloudWatch Logs delivery
    /// source of type ACCESS_LOGS with a delivery, created in us-east-1). Read only when some distribution lacks legacy
    /// logging; a failed read is a CloudFront gap (its logging was not fully read) and leaves those distributions as the configuration says.
    /// </summary>
    private static async Task AddLogDeliveriesAsync(LiveScope scope, List<Distribution> distributions, CancellationToken ct)
    {
        if (!distributions.Any(d => d.LoggingEnabled.Known == false)) return;
        IReadOnlySet<string> delivered = new HashSet<string>();
        if (!await scope.ReadAsync("cloudfront", async () =>
                delivered = await new LogsClient(scope.Session).DeliveredResourceArnsAsync(AwsSession.GlobalRegion, CloudFrontOrigins.AccessLogsType, ct).ConfigureAwait(false)).ConfigureAwait(false))
            return;
        for (var i = 0; i < distributions.Count; i++)
        {
            if (distributions[i].LoggingEnabled.Known == false && distributions[i].Provenance.Arn is { } arn && delivered.Contains(arn))
                distributions[i] = distributions[i] with { LoggingEnabled = true };
        }
    }
}
