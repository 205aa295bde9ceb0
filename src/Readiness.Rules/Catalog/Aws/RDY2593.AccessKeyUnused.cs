using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>An active access key not used for unused_days (or never used since it was created that long ago).</summary>
public sealed class AccessKeyUnused : ResourceRule<IamUser>
{
    public override IEnumerable<Finding> Check(IamUser user, RuleContext context)
    {
        var asOf = user.Provenance.ObservedAt ?? context.Now;
        if (!user.Provenance.IsLive) yield break;
        var limit = context.Int("unused_days");
        foreach (var key in user.AccessKeys.Where(k => k.Active))
        {
            var since = key.LastUsed ?? key.Created;
            if (since is null || (asOf - since.Value).TotalDays <= limit) continue;
            var idle = (int)(asOf - since.Value).TotalDays;
            var what = key.LastUsed is null ? $"has never been used in the {idle} days since it was created" : $"has not been used for {idle} days";
            yield return context.OnResource(user, $"Access key {key.Id} of IAM user {user.DisplayName} {what}; deactivate and delete it.",
                "AccessKeys", fingerprintKey: "unused:" + key.Id, properties: new Dictionary<string, string> { ["accessKeyId"] = key.Id });
        }
    }
}
