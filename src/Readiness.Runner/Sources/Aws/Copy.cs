using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws;

/// <summary>Completes resources with facts that other calls supply (model resources are immutable once built).</summary>
internal static class Copy
{
    public static IamUser User(IamUser u, IReadOnlyList<AccessKeyInfo> keys, CredentialReportRow? row)
    {
        // The report's key 1 and key 2 are the user's keys in creation order.
        var ordered = keys.OrderBy(k => k.Created ?? DateTimeOffset.MaxValue).ToList();
        var accessKeys = ordered.Select((k, i) => new AccessKey
        {
            Id = k.Id,
            Active = k.Active,
            Created = k.Created,
            LastUsed = row is null ? null : i == 0 ? row.Key1LastUsed : i == 1 ? row.Key2LastUsed : null,
        }).ToList();
        return new IamUser
        {
            Id = u.Id,
            Tags = u.Tags,
            Provenance = u.Provenance,
            AttachedPolicyArns = u.AttachedPolicyArns,
            InlinePolicies = u.InlinePolicies,
            Groups = u.Groups,
            AccessKeys = accessKeys,
            HasConsolePassword = row?.PasswordEnabled,
            MfaEnabled = row?.MfaActive,
        };
    }

    public static WebAcl Acl(WebAcl a, IReadOnlyList<string> associated) => new()
    {
        Id = a.Id,
        Tags = a.Tags,
        Provenance = a.Provenance,
        Name = a.Name,
        Scope = a.Scope,
        DefaultAction = a.DefaultAction,
        Rules = a.Rules,
        LoggingEnabled = a.LoggingEnabled,
        AssociatedResources = associated,
    };

    public static LoadBalancer Balancer(LoadBalancer b, Value<string?> webAcl) => new()
    {
        Id = b.Id,
        Tags = b.Tags,
        Provenance = b.Provenance,
        Name = b.Name,
        LoadBalancerType = b.LoadBalancerType,
        InternetFacing = b.InternetFacing,
        Listeners = b.Listeners,
        WebAclArn = webAcl,
    };

    public static DbInstance Db(DbInstance d, Value<bool>? inPublicSubnet) => new()
    {
        Id = d.Id,
        Tags = d.Tags,
        Provenance = d.Provenance,
        IsCluster = d.IsCluster,
        Engine = d.Engine,
        PubliclyAccessible = d.PubliclyAccessible,
        DeletionProtection = d.DeletionProtection,
        StorageEncrypted = d.StorageEncrypted,
        MultiAz = d.MultiAz,
        BackupRetentionPeriod = d.BackupRetentionPeriod,
        SecurityGroupIds = d.SecurityGroupIds,
        InPublicSubnet = inPublicSubnet,
    };
}
