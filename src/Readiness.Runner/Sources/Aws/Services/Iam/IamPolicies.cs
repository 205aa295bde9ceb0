using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>Reads IAM policy documents from jsonencode(...), JSON strings and heredocs, and data.aws_iam_policy_document.</summary>
internal static class IamPolicies
{
    public static Value<PolicyDocument?> Document(IacBody body, string attribute, IacScope scope) =>
        IacPolicySource.Read<PolicyDocument?>(body, attribute, scope, null, IacPolicy.FromObject, FromPolicyDocumentData);

    private static Value<PolicyDocument?> FromPolicyDocumentData(IacBody data)
    {
        var statements = new List<PolicyStatement>();
        foreach (var s in data.Blocks("statement"))
        {
            var effect = s.Get("effect") ?? "Allow";
            var actions = s.Get("actions");
            var notActions = s.Get("not_actions");
            if (effect is IacUnknown u) return Value<PolicyDocument?>.Unresolved(u.Expression);
            if (!IacValues.IsKnown(actions) || !IacValues.IsKnown(notActions)) return Value<PolicyDocument?>.Unresolved((actions as IacUnknown)?.Expression ?? "actions");
            var conditions = s.Blocks("condition")
                .Where(c => IacValues.IsKnown(c.Get("test")) && IacValues.IsKnown(c.Get("variable")) && IacValues.IsKnown(c.Get("values")))
                .Select(c => new PolicyCondition(IacValue.Text(c.Get("test")), IacValue.Text(c.Get("variable")), IacPolicy.Texts(c.Get("values"))))
                .ToList();
            statements.Add(new PolicyStatement
            {
                Effect = IacValues.AsString(effect) ?? "Allow",
                Actions = IacValue.Strings(actions),
                NotActions = IacValue.Strings(notActions),
                Resources = IacPolicy.Texts(s.Get("resources")),
                Principals = s.Blocks("principals").SelectMany(p => IacPolicy.Texts(p.Get("identifiers")).Select(id => new PolicyPrincipal(IacValue.Text(p.Get("type")), id))).ToList(),
                HasCondition = s.Blocks("condition").Any(),
                Conditions = conditions,
                ConditionsKnown = conditions.Count == s.Blocks("condition").Count(),
            });
        }
        return new PolicyDocument { Statements = statements };
    }
}
