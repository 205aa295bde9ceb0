using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>Reads bucket ACL grants into the canned ACL they amount to (bucket policies are read by <see cref="IacPolicy"/>).</summary>
public static class S3Policies
{
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
