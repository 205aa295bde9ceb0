using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>What makes an IAM principal an administrator for the live IAM checks.</summary>
internal static class IamPrivilege
{
    /// <summary>AWS managed policies that grant (near) full control of an account.</summary>
    public static readonly IReadOnlyDictionary<string, string> PrivilegedManagedPolicies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["arn:aws:iam::aws:policy/AdministratorAccess"] = "AdministratorAccess",
        ["arn:aws:iam::aws:policy/PowerUserAccess"] = "PowerUserAccess",
        ["arn:aws:iam::aws:policy/IAMFullAccess"] = "IAMFullAccess",
    };

    /// <summary>An Allow of every action on every resource without a condition.</summary>
    public static bool GrantsEverything(PolicyDocument? document) =>
        document?.Statements.Any(s => s.Effect == "Allow" && !s.HasCondition
            && (s.Actions.Contains("*") || s.NotActions.Count > 0)
            && s.Resources.Contains("*")) == true;

    /// <summary>The names of what makes the user privileged: its own policies and those of its groups.</summary>
    public static IReadOnlyList<string> Reasons(IamUser user, CloudInventory cloud)
    {
        var reasons = new List<string>();
        void From(IEnumerable<Value<string>> attached, IEnumerable<PolicyDocument> inline, string via)
        {
            foreach (var arn in attached.Select(a => a.Known).OfType<string>())
            {
                if (PrivilegedManagedPolicies.TryGetValue(arn, out var name)) reasons.Add(name + via);
                else if (GrantsEverything(cloud.Find<IamPolicy>(arn, user)?.Document.Known)) reasons.Add(arn.Split('/')[^1] + via);
            }
            if (inline.Any(GrantsEverything)) reasons.Add("an inline policy allowing *:*" + via);
        }
        From(user.AttachedPolicyArns, user.InlinePolicies, "");
        foreach (var groupName in user.Groups)
        {
            if (cloud.Find<IamGroup>(groupName, user) is { } group) From(group.AttachedPolicyArns, group.InlinePolicies, $" (through group {groupName})");
        }
        return reasons;
    }
}
