using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>Reads IAM policy documents from jsonencode(...), JSON strings and heredocs, and data.aws_iam_policy_document.</summary>
internal static class IamPolicies
{
    public static Value<PolicyDocument?> Document(IacBody body, string attribute, IacScope scope)
    {
        // jsonencode({...}) is read before encoding, so a resource ARN in it does not hide the actions.
        if (body.Expression(attribute) is HclCall { Name: "jsonencode", Args: [var argument] } && body.Module is { } module)
            return IacPolicy.FromObject(TerraformEvaluator.Instance.Eval(argument, module), argument.Text);
        var value = body.Get(attribute);
        switch (value)
        {
            case null:
                return (PolicyDocument?)null;
            case string json:
                try
                {
                    using var doc = JsonDocument.Parse(json);
                    return IacPolicy.FromObject(IacValues.FromJson(doc.RootElement), json);
                }
                catch (JsonException)
                {
                    return Value<PolicyDocument?>.Unresolved(json.Length > 80 ? json[..80] + "..." : json);
                }
            case IacUnknown { Reference: { } reference } unknown when reference.Contains("data.aws_iam_policy_document.", StringComparison.Ordinal):
                var data = scope.ByAddress(reference);
                return data is null ? Value<PolicyDocument?>.Unresolved(unknown.Expression) : FromPolicyDocumentData(data.Body);
            case IacUnknown unknown:
                return Value<PolicyDocument?>.Unresolved(unknown.Expression);
            default:
                return IacPolicy.FromObject(value, attribute);
        }
    }

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
