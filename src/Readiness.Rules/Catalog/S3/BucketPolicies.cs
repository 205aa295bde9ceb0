using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>What a bucket policy grants everyone, and whether it requires TLS: shared by the S3 policy rules.</summary>
internal static class BucketPolicies
{
    private static readonly string[] ReadActions = ["s3:GetObject", "s3:ListBucket"];
    private static readonly string[] WriteActions = ["s3:PutObject", "s3:DeleteObject", "s3:PutBucketPolicy", "s3:PutObjectAcl"];

    /// <summary>The read and write actions an Allow to everyone, with no condition that narrows who, grants.</summary>
    public static (IReadOnlyList<string> Read, IReadOnlyList<string> Write) PublicGrants(BucketPolicy policy)
    {
        var open = policy.Statements.Where(s => s.Effect.Equals("Allow", StringComparison.OrdinalIgnoreCase) && s.EveryPrincipal && !s.Conditions.Any(Restricts)).ToList();
        IReadOnlyList<string> Granted(string[] actions) => actions.Where(a => open.Any(s => s.Actions.Any(p => Matches(p, a)))).ToList();
        return (Granted(ReadActions), Granted(WriteActions));
    }

    /// <summary>
    /// A statement denies every principal every S3 action when aws:SecureTransport is false, or below TLS 1.2
    /// (s3:TlsVersion): the two forms CIS 2.1.1 accepts.
    /// </summary>
    public static bool DeniesInsecureTransport(BucketPolicy policy) =>
        policy.Statements.Any(s => s.Effect.Equals("Deny", StringComparison.OrdinalIgnoreCase) && s.EveryPrincipal
            && s.Actions.Any(a => Matches(a, "s3:GetObject") && Matches(a, "s3:PutObject"))
            && s.Conditions.Any(c => DeniesPlaintext(c) || DeniesOldTls(c)));

    private static bool DeniesPlaintext(PolicyCondition c) =>
        c.Operator.StartsWith("Bool", StringComparison.OrdinalIgnoreCase) && IsSecureTransport(c) && c.Values.Any(v => v.Equals("false", StringComparison.OrdinalIgnoreCase));

    private static bool DeniesOldTls(PolicyCondition c) =>
        c.Operator.StartsWith("NumericLessThan", StringComparison.OrdinalIgnoreCase) && c.Key.Equals("s3:TlsVersion", StringComparison.OrdinalIgnoreCase)
        && c.Values.Any(v => decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1.2m);

    // Requiring TLS says nothing about who the caller is; any other condition (source ARN, account, VPC, IP) narrows it.
    private static bool Restricts(PolicyCondition condition) => !IsSecureTransport(condition) && !condition.Key.Equals("s3:TlsVersion", StringComparison.OrdinalIgnoreCase);

    private static bool IsSecureTransport(PolicyCondition c) => c.Key.Equals("aws:SecureTransport", StringComparison.OrdinalIgnoreCase);

    /// <summary>IAM action matching: case-insensitive, '*' any run of characters, '?' one character.</summary>
    public static bool Matches(string pattern, string action)
    {
        int p = 0, a = 0, star = -1, mark = 0;
        while (a < action.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(action[a]))) { p++; a++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = a; }
            else if (star >= 0) { p = star + 1; a = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
