using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.S3;

/// <summary>What a bucket policy grants everyone, and whether it requires TLS: shared by the S3 policy rules.</summary>
internal static class BucketPolicies
{
    private static readonly string[] ReadActions = ["s3:GetObject", "s3:ListBucket"];
    private static readonly string[] WriteActions = ["s3:PutObject", "s3:DeleteObject", "s3:PutBucketPolicy", "s3:PutObjectAcl"];

    /// <summary>
    /// The read and write actions an Allow to everyone, with no condition that narrows the caller, grants; and the
    /// expression a statement that may grant them depends on, when one does (a principal or condition not known before apply).
    /// </summary>
    public static (IReadOnlyList<string> Read, IReadOnlyList<string> Write, string? Unresolved) PublicGrants(PolicyDocument policy)
    {
        var open = policy.Statements.Where(s => s.OpenToAnyone == true).ToList();
        IReadOnlyList<string> Granted(string[] actions) => actions.Where(a => open.Any(s => s.Covers(a))).ToList();
        var unresolved = policy.Statements.FirstOrDefault(s => s.OpenToAnyone is null && ReadActions.Concat(WriteActions).Any(s.Covers))?.Unresolved;
        return (Granted(ReadActions), Granted(WriteActions), unresolved);
    }

    /// <summary>
    /// A statement denies every principal every S3 action when aws:SecureTransport is false, or below TLS 1.2
    /// (s3:TlsVersion): the two forms CIS 2.1.1 accepts.
    /// </summary>
    public static bool DeniesInsecureTransport(PolicyDocument policy) =>
        policy.Statements.Any(s => s.Effect.Equals("Deny", StringComparison.OrdinalIgnoreCase) && s.AppliesToEveryone
            && s.Covers("s3:GetObject") && s.Covers("s3:PutObject")
            && s.Conditions.Any(c => DeniesPlaintext(c) || DeniesOldTls(c)));

    private static bool DeniesPlaintext(PolicyCondition c) =>
        c.Operator.StartsWith("Bool", StringComparison.OrdinalIgnoreCase) && c.Key.Equals("aws:SecureTransport", StringComparison.OrdinalIgnoreCase)
        && c.Values.Any(v => v.Equals("false", StringComparison.OrdinalIgnoreCase));

    private static bool DeniesOldTls(PolicyCondition c) =>
        c.Operator.StartsWith("NumericLessThan", StringComparison.OrdinalIgnoreCase) && c.Key.Equals("s3:TlsVersion", StringComparison.OrdinalIgnoreCase)
        && c.Values.Any(v => decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1.2m);
}
