using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Sources.Iac;

/// <summary>
/// Where a policy document written in Terraform comes from: jsonencode({...}) (read before encoding, so an unknown
/// ARN in it does not hide the statements), a JSON string or heredoc, a data.aws_iam_policy_document, or an unresolved
/// expression. Each policy reader (IAM, S3, ECR) turns the decoded document into its own statements.
/// </summary>
internal static class IacPolicySource
{
    /// <param name="absent">What an attribute that is not set means.</param>
    /// <param name="fromObject">The reader's decoding of a document object (maps and lists whose leaves may be unknown), with its expression.</param>
    /// <param name="fromPolicyDocumentData">The reader's decoding of a data.aws_iam_policy_document's statement blocks.</param>
    public static Value<T> Read<T>(IacBody body, string attribute, IacScope scope, T absent,
        Func<object?, string, Value<T>> fromObject, Func<IacBody, Value<T>> fromPolicyDocumentData)
    {
        if (body.Expression(attribute) is HclCall { Name: "jsonencode", Args: [var argument] } && body.Module is { } module)
            return fromObject(TerraformEvaluator.Instance.Eval(argument, module), argument.Text);
        return body.Get(attribute) switch
        {
            null => Value<T>.Of(absent),
            string json => FromJson(json, fromObject),
            IacUnknown { Reference: { } reference } unknown when reference.Contains("data.aws_iam_policy_document.", StringComparison.Ordinal) =>
                scope.ByAddress(reference) is { } data ? fromPolicyDocumentData(data.Body) : Value<T>.Unresolved(unknown.Expression),
            IacUnknown unknown => Value<T>.Unresolved(unknown.Expression),
            var value => fromObject(value, attribute),
        };
    }

    /// <summary>A policy as JSON text (a Terraform string, a live answer); text that is not JSON is unresolved, shown shortened.</summary>
    public static Value<T> FromJson<T>(string json, Func<object?, string, Value<T>> fromObject)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return fromObject(IacValues.FromJson(doc.RootElement), json);
        }
        catch (JsonException)
        {
            return Value<T>.Unresolved(json.Length > 80 ? json[..80] + "..." : json);
        }
    }
}
