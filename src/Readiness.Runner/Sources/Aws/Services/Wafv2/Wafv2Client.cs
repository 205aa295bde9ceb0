using System.Text.Json;
using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Clients;

public interface IWafv2Client
{
    /// <summary>Web ACLs of a scope ("REGIONAL" in each region, "CLOUDFRONT" in us-east-1) with rules and logging.</summary>
    Task<IReadOnlyList<WebAcl>> ListWebAclsAsync(string account, string region, string scope, CancellationToken ct);

    /// <summary>ARNs of the resources of a type (e.g. APPLICATION_LOAD_BALANCER) that an ACL protects.</summary>
    Task<IReadOnlyList<string>> ListResourcesForWebAclAsync(string region, string webAclArn, string resourceType, CancellationToken ct);

    /// <summary>The ARN of the web ACL protecting a regional resource, null when none.</summary>
    Task<string?> GetWebAclForResourceAsync(string region, string resourceArn, CancellationToken ct);
}

/// <summary>WAFv2 over JSON 1.1 (target prefix AWSWAF_20190729).</summary>
public sealed class Wafv2Client(AwsSession session) : IWafv2Client
{
    private readonly JsonProtocol json = new(session, "wafv2", "wafv2", "AWSWAF_20190729");

    public async Task<IReadOnlyList<WebAcl>> ListWebAclsAsync(string account, string region, string scope, CancellationToken ct)
    {
        var summaries = new List<JsonElement>();
        await foreach (var page in json.PagesAsync(region, "ListWebACLs", new JsonObject { ["Scope"] = scope, ["Limit"] = 100 }, "NextMarker", ct, items: "WebACLs").ConfigureAwait(false))
            summaries.AddRange(page.Arr("WebACLs"));

        var acls = new List<WebAcl>();
        foreach (var summary in summaries)
        {
            var answer = await json.CallAsync(region, "GetWebACL",
                new JsonObject { ["Name"] = summary.Str("Name"), ["Scope"] = scope, ["Id"] = summary.Str("Id") }, ct).ConfigureAwait(false);
            var acl = answer.Obj("WebACL");
            var arn = acl.Str("ARN") ?? summary.Str("ARN")!;
            acls.Add(new WebAcl
            {
                Id = acl.Str("Id") ?? summary.Str("Id")!,
                Name = acl.Str("Name"),
                Scope = scope,
                DefaultAction = acl.Obj("DefaultAction").Has("Block") ? "block" : "allow",
                Rules = acl.Arr("Rules").Select(Rule).ToList(),
                LoggingEnabled = await LoggingEnabledAsync(region, arn, ct).ConfigureAwait(false),
                Provenance = new Provenance { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Region = scope == "CLOUDFRONT" ? null : region, Arn = arn },
            });
        }
        return acls;
    }

    private async Task<bool> LoggingEnabledAsync(string region, string arn, CancellationToken ct)
    {
        try
        {
            var answer = await json.CallAsync(region, "GetLoggingConfiguration", new JsonObject { ["ResourceArn"] = arn }, ct).ConfigureAwait(false);
            return answer.Obj("LoggingConfiguration").Arr("LogDestinationConfigs").Any();
        }
        catch (AwsCallException e) when (e.Code == "WAFNonexistentItemException")
        {
            return false;
        }
    }

    private static WafRule Rule(JsonElement r)
    {
        var statement = r.Obj("Statement");
        var managed = statement.Obj("ManagedRuleGroupStatement");
        var kind = statement.Has("RateBasedStatement") ? WafRuleKind.RateBased
            : statement.Has("ManagedRuleGroupStatement") ? WafRuleKind.ManagedRuleGroup
            : statement.Has("RuleGroupReferenceStatement") ? WafRuleKind.RuleGroupReference
            : WafRuleKind.Custom;
        return new WafRule
        {
            Name = r.Str("Name") ?? "",
            Kind = kind,
            ManagedVendor = managed.Str("VendorName"),
            ManagedName = managed.Str("Name"),
            RateLimit = statement.Obj("RateBasedStatement").Long("Limit"),
            CountOnly = r.Obj("Action").Has("Count") || r.Obj("OverrideAction").Has("Count"),
        };
    }

    public async Task<IReadOnlyList<string>> ListResourcesForWebAclAsync(string region, string webAclArn, string resourceType, CancellationToken ct)
    {
        var answer = await json.CallAsync(region, "ListResourcesForWebACL",
            new JsonObject { ["WebACLArn"] = webAclArn, ["ResourceType"] = resourceType }, ct).ConfigureAwait(false);
        return answer.Arr("ResourceArns").Select(a => a.GetString()!).ToList();
    }

    public async Task<string?> GetWebAclForResourceAsync(string region, string resourceArn, CancellationToken ct)
    {
        var answer = await json.CallAsync(region, "GetWebACLForResource", new JsonObject { ["ResourceArn"] = resourceArn }, ct).ConfigureAwait(false);
        return answer.Obj("WebACL").Str("ARN");
    }
}
