using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Waf;

/// <summary>WAF.11: without logging nobody can see what the ACL blocked, or tune a rule that blocks real users.</summary>
public sealed class WafLoggingDisabled : ResourceRule<WebAcl>
{
    public override IEnumerable<Finding> Check(WebAcl acl, RuleContext context) =>
        CloudJudge.Judge(context, acl, acl.LoggingEnabled, nameof(WebAcl.LoggingEnabled), "logs its requests",
            logging => !logging,
            () => context.OnResource(acl, $"WAF web ACL {acl.DisplayName} has no logging configuration; send its logs to CloudWatch Logs, S3 or Firehose (a destination named aws-waf-logs-*).", nameof(WebAcl.LoggingEnabled)));
}
