using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>Server status, Spring actuator env, phpinfo or the Django debug toolbar reachable from the internet.</summary>
public sealed class DebugEndpointExposed : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context) =>
        ExposedContent.DebugEndpoints(target).Select(e => context.AtEndpoint(target.Url,
            $"{e.Exchange.FinalUrl} serves {e.What} to anyone; disable it in production or allow it only from an internal network.",
            e.Proof, e.Kind, Props(e.Exchange)));
}
