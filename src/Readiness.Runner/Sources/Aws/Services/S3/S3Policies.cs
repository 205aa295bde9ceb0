using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// Reads bucket policies (jsonencode(...), JSON strings and heredocs, data.aws_iam_policy_document, CloudFormation
/// PolicyDocument maps, live JSON) into <see cref="BucketPolicy"/>, and bucket ACL grants into the canned ACL they amount to.
/// </summary>
public static class S3Policies
{
    /// <summary>A Terraform policy attribute (aws_s3_bucket_policy.policy, aws_s3_bucket.policy); null when absent.</summary>
    public static Value<BucketPolicy?> FromTerraform(IacBody body, string attribute, IacScope scope) =>
        IacPolicySource.Read<BucketPolicy?>(body, attribute, scope, null, FromObject, FromPolicyDocumentData);

    public static Value<BucketPolicy?> FromJson(string json) => IacPolicySource.FromJson<BucketPolicy?>(json, FromObject);

    /// <summary>A decoded policy whose leaves may be unknown. An unknown effect, principal or action leaves the policy undecided.</summary>
    public static Value<BucketPolicy?> FromObject(object? document, string expression)
    {
        if (document is IacUnknown u) return Value<BucketPolicy?>.Unresolved(u.Expression);
        if (document is not Dictionary<string, object?> map) return Value<BucketPolicy?>.Unresolved(expression);
        var items = Get(map, "Statement") switch
        {
            List<object?> list => list,
            Dictionary<string, object?> single => [single],
            null => [],
            _ => null,
        };
        if (items is null) return Value<BucketPolicy?>.Unresolved(IacValue.Text(Get(map, "Statement")));
        var statements = new List<BucketPolicyStatement>();
        foreach (var item in items)
        {
            if (item is not Dictionary<string, object?> s) return Value<BucketPolicy?>.Unresolved(IacValue.Text(item));
            var effect = Get(s, "Effect");
            var actions = Get(s, "Action") ?? Get(s, "NotAction");
            var principal = Get(s, "Principal");
            var notPrincipal = Get(s, "NotPrincipal");
            if ((Unknown(effect) ?? Unknown(actions) ?? UnknownPrincipal(principal) ?? UnknownPrincipal(notPrincipal)) is { } unknown)
                return Value<BucketPolicy?>.Unresolved(unknown);
            var isAllow = !string.Equals(IacValues.AsString(effect), "Deny", StringComparison.OrdinalIgnoreCase);
            statements.Add(new BucketPolicyStatement
            {
                Effect = isAllow ? "Allow" : "Deny",
                // An Allow to everyone but a few (NotPrincipal) is an Allow to everyone.
                EveryPrincipal = IsEveryone(principal) || (isAllow && notPrincipal is not null),
                // NotAction grants every action but those listed: judged as "*".
                Actions = Get(s, "Action") is null && Get(s, "NotAction") is not null ? ["*"] : IacValue.Strings(actions),
                Conditions = Conditions(Get(s, "Condition")),
            });
        }
        return new BucketPolicy { Statements = statements };
    }

    private static Value<BucketPolicy?> FromPolicyDocumentData(IacBody data)
    {
        // Documents merged in from elsewhere could add any statement.
        foreach (var merged in new[] { "source_policy_documents", "override_policy_documents", "source_json", "override_json" })
        {
            if (data.Get(merged) is { } value) return Value<BucketPolicy?>.Unresolved(IacValue.Text(value));
        }
        var statements = new List<BucketPolicyStatement>();
        foreach (var s in data.Blocks("statement"))
        {
            var effect = s.Get("effect") ?? "Allow";
            var actions = s.Get("actions") ?? s.Get("not_actions");
            if ((Unknown(effect) ?? Unknown(actions)) is { } unknown) return Value<BucketPolicy?>.Unresolved(unknown);
            var everyone = false;
            foreach (var p in s.Blocks("principals").Concat(s.Blocks("not_principals")))
            {
                var type = p.Get("type");
                var identifiers = p.Get("identifiers");
                if ((Unknown(type) ?? UnknownPrincipal(identifiers)) is { } principal) return Value<BucketPolicy?>.Unresolved(principal);
                var isNot = s.Blocks("not_principals").Contains(p);
                everyone |= isNot || IacValues.AsString(type) == "*" || (IacValues.AsString(type) == "AWS" && IacValue.Strings(identifiers).Contains("*"));
            }
            var isAllow = !string.Equals(IacValues.AsString(effect), "Deny", StringComparison.OrdinalIgnoreCase);
            statements.Add(new BucketPolicyStatement
            {
                Effect = isAllow ? "Allow" : "Deny",
                EveryPrincipal = everyone && (isAllow || !s.Blocks("not_principals").Any()),
                Actions = s.Get("actions") is null && s.Get("not_actions") is not null ? ["*"] : IacValue.Strings(actions),
                Conditions = s.Blocks("condition")
                    .Select(c => new PolicyCondition(IacValue.Text(c.Get("test")), IacValue.Text(c.Get("variable")), Texts(c.Get("values"))))
                    .ToList(),
            });
        }
        return new BucketPolicy { Statements = statements };
    }

    /// <summary>Principal "*" or {"AWS": "*"} (or a list holding "*").</summary>
    private static bool IsEveryone(object? principal) => principal switch
    {
        string s => s == "*",
        Dictionary<string, object?> map => Get(map, "AWS") is var aws && IacValue.Strings(aws).Contains("*"),
        _ => false,
    };

    /// <summary>
    /// The expression of a principal that could be anything: a variable, not a reference to a resource (a role's
    /// ARN names one principal, never "*").
    /// </summary>
    private static string? UnknownPrincipal(object? principal) => principal switch
    {
        IacUnknown { Reference: null } u => u.Expression,
        Dictionary<string, object?> map => map.Values.Select(UnknownPrincipal).FirstOrDefault(e => e is not null),
        List<object?> list => list.Select(UnknownPrincipal).FirstOrDefault(e => e is not null),
        _ => null,
    };

    private static string? Unknown(object? value) => IacValues.Unknowns(value).FirstOrDefault()?.Expression;

    private static IReadOnlyList<PolicyCondition> Conditions(object? condition)
    {
        if (condition is not Dictionary<string, object?> operators) return [];
        var result = new List<PolicyCondition>();
        foreach (var (op, keys) in operators)
        {
            if (keys is not Dictionary<string, object?> byKey) continue;
            result.AddRange(byKey.Select(kv => new PolicyCondition(op, kv.Key, Texts(kv.Value))));
        }
        return result;
    }

    private static IReadOnlyList<string> Texts(object? value) => value switch
    {
        null => [],
        List<object?> list => list.Select(IacValue.Text).ToList(),
        _ => [IacValue.Text(value)],
    };

    private static object? Get(Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) ? v : map.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    private const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /// <summary>The canned ACL that ACL grants (group URI, permission) amount to, as <see cref="S3Bucket.Acl"/> records it.</summary>
    public static string AclOf(IEnumerable<(string? Uri, string? Permission)> grants)
    {
        var list = grants.ToList();
        bool Grants(string uri, params string[] permissions) =>
            list.Any(g => string.Equals(g.Uri, uri, StringComparison.Ordinal) && permissions.Contains(g.Permission, StringComparer.OrdinalIgnoreCase));
        if (Grants(AllUsers, "WRITE", "FULL_CONTROL")) return "public-read-write";
        if (Grants(AllUsers, "READ", "READ_ACP")) return "public-read";
        if (Grants(AuthenticatedUsers, "READ", "WRITE", "FULL_CONTROL", "READ_ACP")) return "authenticated-read";
        return S3Bucket.Defaults.Acl;
    }
}
