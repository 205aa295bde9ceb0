using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// AWS::Lambda::Function with its AWS::Lambda::Url and AWS::Lambda::Permission companions; AWS::Serverless::Function
/// (SAM) with its FunctionUrlConfig. A URL or permission whose function the template does not declare (an imported
/// ARN, a parameter) is judged on its own.
/// </summary>
public sealed class LambdaCloudFormation : ICloudFormationMapping
{
    private static readonly string[] FunctionTypes = ["AWS::Lambda::Function", "AWS::Serverless::Function"];

    public IReadOnlyList<string> Types => [.. FunctionTypes, "AWS::Lambda::Url", "AWS::Lambda::Permission"];
    public IReadOnlyList<string> NameAttributes => ["FunctionName"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        if (r.Type == "AWS::Lambda::Url")
            return scope.DeclaresOwner(r.Body.Get("TargetFunctionArn"), FunctionTypes) ? null : LambdaTerraform.Undeclared(r, "AuthType", Permission);
        if (r.Type == "AWS::Lambda::Permission")
            return scope.DeclaresOwner(r.Body.Get("FunctionName"), FunctionTypes) ? null : LambdaTerraform.Undeclared(r, null, Permission);
        var b = r.Body;
        var packageType = b.Get("PackageType") as string ?? LambdaFunction.Defaults.PackageType;
        var urlBody = r.Type == "AWS::Serverless::Function"
            ? b.Block("FunctionUrlConfig")
            : scope.Companions(r, "AWS::Lambda::Url", "TargetFunctionArn").FirstOrDefault()?.Body;
        var permissions = scope.Companions(r, "AWS::Lambda::Permission", "FunctionName").Select(p => Permission(p, IacScope.Near(r, p))).ToList();
        return new LambdaFunction
        {
            Id = IacScope.IdOf(r, "FunctionName"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.CloudFormation(r),
            Name = b.Get("FunctionName") as string,
            PackageType = packageType,
            Runtime = packageType == "Image" ? (string?)null : IacValue.Optional(b, "Runtime"),
            UrlAuthType = urlBody is null ? (string?)null : IacValue.Optional(urlBody, "AuthType"),
            Permissions = permissions,
            Environment = Environment(b.Block("Environment")),
            LogGroup = LogGroupTargets.Lambda(LogGroupTargets.Read(b.Block("LoggingConfig"), "LogGroup"), b, "FunctionName"),
        };
    }

    private static LambdaPermission Permission(IacResource p, int line) => new()
    {
        Principal = IacValue.String(p.Body, "Principal", ""),
        Action = p.Body.Get("Action") as string,
        Conditions = LambdaTerraform.Conditions(p.Body, "SourceArn", "SourceAccount", "PrincipalOrgID", out var known),
        ConditionsKnown = known,
        Line = line,
        Address = p.Address,
    };

    private static IReadOnlyList<EnvironmentVariable> Environment(IacBody? environment)
    {
        if (environment?.Get("Variables") is not Dictionary<string, object?> variables) return [];
        var written = environment.Block("Variables");
        return variables.Select(v =>
        {
            var origin = written?.OriginOf(v.Key) ?? environment.OriginOf("Variables");
            var holdsLiteral = LambdaTerraform.HoldsLiteral(v.Value);
            return new EnvironmentVariable
            {
                Name = v.Key,
                HoldsLiteral = holdsLiteral.From(origin),
                ReportedBySecretRules = holdsLiteral is { IsKnown: true, Known: true } && origin?.File is { } file && LambdaTerraform.SecretRulesJudge(file),
            };
        }).ToList();
    }
}
