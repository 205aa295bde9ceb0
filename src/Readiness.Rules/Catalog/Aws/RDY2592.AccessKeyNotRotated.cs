using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>An active access key older than max_age_days.</summary>
public sealed class AccessKeyNotRotated : ResourceRule<IamUser>
{
    public override IEnumerable<Finding> Check(IamUser user, RuleContext context)
    {
        var asOf = user.Provenance.ObservedAt ?? context.Now;
        var maxAge = context.Int("max_age_days");
        foreach (var key in user.AccessKeys.Where(k => k.Active && k.Created is not null))
        {
            var age = (int)(asOf - key.Created!.Value).TotalDays;
            if (age > maxAge)
                yield return context.OnResource(user, $"Access key {key.Id} of IAM user {user.DisplayName} is {age} days old (limit {maxAge}); create a new key, switch its users over, then deactivate and delete the old one.",
                    "AccessKeys", fingerprintKey: "key:" + key.Id, properties: new Dictionary<string, string> { ["accessKeyId"] = key.Id, ["ageDays"] = age.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }
}
