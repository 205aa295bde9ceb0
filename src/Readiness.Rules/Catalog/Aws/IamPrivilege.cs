using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>
/// The one definition of "administrator" every IAM rule uses: an AWS managed policy that grants (near) full control, or
/// a policy document with an unconditional Allow on every resource ("*") of every action ("*", "*:*"), of everything
/// but a few actions (NotAction), of every IAM action ("iam:*"), of an action that lets its holder grant itself any
/// permission (iam:CreatePolicyVersion, iam:AttachRolePolicy, ...), or of iam:PassRole together with a compute create
/// (the new instance or function runs with whatever role it is passed).
/// </summary>
internal static class IamPrivilege
{
    /// <summary>AWS managed policies that grant (near) full control of an account, by name.</summary>
    private static readonly string[] PrivilegedManagedPolicies = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

    /// <summary>Actions that let a principal raise its own permissions (Rhino Security Labs' IAM escalation paths).</summary>
    private static readonly string[] EscalationActions =
    [
        "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy",
        "iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:AddUserToGroup",
        "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
    ];

    /// <summary>Creates that run code with a role passed to them: with iam:PassRole on "*" they reach every role's permissions.</summary>
    private static readonly string[] ComputeCreates =
    [
        "ec2:RunInstances", "lambda:CreateFunction", "ecs:RunTask", "ecs:RegisterTaskDefinition", "glue:CreateDevEndpoint",
        "cloudformation:CreateStack", "codebuild:CreateProject", "sagemaker:CreateNotebookInstance", "datapipeline:CreatePipeline",
    ];

    /// <summary>The name of a privileged AWS managed policy ("AdministratorAccess"), or null.</summary>
    public static string? ManagedPolicyName(string arn) =>
        PrivilegedManagedPolicies.FirstOrDefault(p => arn.EndsWith(":iam::aws:policy/" + p, StringComparison.Ordinal));

    /// <summary>What in the document makes its holder an administrator ("allows every action on every resource (\"*:*\")"), or null.</summary>
    public static string? AdminReason(PolicyDocument? document)
    {
        if (document is null) return null;
        var open = document.Statements.Where(s => string.Equals(s.Effect, "Allow", StringComparison.OrdinalIgnoreCase) && !s.HasCondition && s.Resources.Contains("*")).ToList();
        if (open.Any(s => s.Actions.Any(a => a is "*" or "*:*")))
            return "allows every action on every resource (\"*:*\")";
        if (open.FirstOrDefault(s => s.NotActions.Count > 0) is { } notAction)
            return $"allows every action except {string.Join(", ", notAction.NotActions)} on every resource (NotAction)";
        var actions = open.SelectMany(s => s.Actions).ToList();
        if (actions.Any(a => string.Equals(a, "iam:*", StringComparison.OrdinalIgnoreCase)))
            return "allows every IAM action on every resource (\"iam:*\")";
        if (EscalationActions.FirstOrDefault(e => actions.Any(a => Matches(a, e))) is { } escalation)
            return $"allows {escalation} on every resource, which lets its holder grant itself any permission";
        if (actions.Any(a => Matches(a, "iam:PassRole")) && ComputeCreates.FirstOrDefault(c => actions.Any(a => Matches(a, c))) is { } create)
            return $"allows iam:PassRole on every role together with {create}, which runs code with any role's permissions";
        return null;
    }

    /// <summary>What makes a holder of these policies an administrator, one reason per policy, each with the value that attaches it.</summary>
    public static IReadOnlyList<(string Reason, Value<string>? Attached)> Held(
        IEnumerable<Value<string>> attached, IEnumerable<PolicyDocument> inline, CloudInventory cloud, CloudResource near)
    {
        var reasons = new List<(string, Value<string>?)>();
        foreach (var value in attached)
        {
            if (value.Known is not { } arn) continue;
            if (ManagedPolicyName(arn) is { } name) reasons.Add((name, value));
            else if (cloud.Find<IamPolicy>(arn, near) is { } policy && AdminReason(policy.Document.Known) is not null)
                reasons.Add((policy.Name ?? policy.DisplayName, value));
        }
        if (inline.Any(d => AdminReason(d) is not null)) reasons.Add(("an inline administrator policy", null));
        return reasons;
    }

    /// <summary>The names of what makes the user privileged: its own policies and those of its groups.</summary>
    public static IReadOnlyList<string> Reasons(IamUser user, CloudInventory cloud)
    {
        var reasons = Held(user.AttachedPolicyArns, user.InlinePolicies, cloud, user).Select(r => r.Reason).ToList();
        foreach (var groupName in user.Groups)
        {
            if (cloud.Find<IamGroup>(groupName, user) is { } group)
                reasons.AddRange(Held(group.AttachedPolicyArns, group.InlinePolicies, cloud, user).Select(r => $"{r.Reason} (through group {groupName})"));
        }
        return reasons;
    }

    private static bool Matches(string pattern, string action) => PolicyStatement.ActionMatches(pattern, action);
}
