using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>The API fields <see cref="Clients.Wafv2Client"/> reads a web ACL's attributes from.</summary>
public sealed class WebAclLiveFields : LiveFields<WebAcl>
{
    protected override IReadOnlyDictionary<string, string> For(WebAcl acl) => new Dictionary<string, string>
    {
        [nameof(WebAcl.DefaultAction)] = "GetWebACL.WebACL.DefaultAction",
        [nameof(WebAcl.LoggingEnabled)] = "GetLoggingConfiguration.LoggingConfiguration",
    };
}
