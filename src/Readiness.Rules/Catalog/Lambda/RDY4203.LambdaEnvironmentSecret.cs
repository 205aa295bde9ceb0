using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Lambda;

/// <summary>
/// A secret-named environment variable (DB_PASSWORD, API_KEY) holding a literal value instead of a Secrets Manager or SSM
/// reference. A literal in a file the secret rules judge is their finding at its line; this rule reports the rest: what
/// a deployed function holds, literals in templates the secret rules pass over, and (undecided) unresolved values.
/// </summary>
public sealed class LambdaEnvironmentSecret : ResourceRule<LambdaFunction>
{
    public override IEnumerable<Finding> Check(LambdaFunction function, RuleContext context)
    {
        foreach (var variable in function.Environment.Where(v => SecretNames.IsSecretName(v.Name)))
        {
            var location = function.LocationOf(variable.HoldsLiteral, nameof(LambdaFunction.Environment));
            if (!variable.HoldsLiteral.IsKnown)
            {
                yield return context.Undecided(function, nameof(LambdaFunction.Environment), variable.HoldsLiteral.Expression, $"keeps the {variable.Name} environment variable out of plain text") with
                { Location = location, FingerprintKey = "undecided:env:" + variable.Name };
                continue;
            }
            if (!variable.HoldsLiteral.Known || variable.ReportedBySecretRules) continue;
            yield return context.OnResource(function,
                $"Lambda function {function.DisplayName} keeps the {SecretNames.Kind(variable.Name)} {variable.Name} as a plain-text environment variable; store it in Secrets Manager or SSM Parameter Store, pass only its ARN or name, read it at run time, and rotate the exposed value.",
                nameof(LambdaFunction.Environment), snippet: $"{variable.Name} = <redacted>", fingerprintKey: "env:" + variable.Name, value: variable.HoldsLiteral);
        }
    }
}
