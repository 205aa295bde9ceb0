using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Lambda;

/// <summary>A function URL with AuthType NONE lets anyone on the internet invoke the function, with no WAF in front.</summary>
public sealed class LambdaFunctionUrlWithoutAuth : ResourceRule<LambdaFunction>
{
    public override IEnumerable<Finding> Check(LambdaFunction function, RuleContext context) =>
        CloudJudge.Judge(context, function, function.UrlAuthType, nameof(LambdaFunction.UrlAuthType), "requires IAM authentication on its function URL",
            auth => auth == "NONE",
            () => context.OnResource(function, $"Lambda function {function.DisplayName} has a function URL with AuthType NONE, so anyone on the internet can invoke it; set the URL's auth type to AWS_IAM, or put the function behind API Gateway or CloudFront with an authorizer and a WAF web ACL.", nameof(LambdaFunction.UrlAuthType)));
}
