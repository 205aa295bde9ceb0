using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Rules.Secrets;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// aws_lambda_function with its aws_lambda_function_url and aws_lambda_permission companions. A URL or permission whose
/// function is not declared in the same root (created elsewhere, named by a literal ARN, a variable or a data source)
/// is judged on its own.
/// </summary>
public sealed class LambdaTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_lambda_function", "aws_lambda_function_url", "aws_lambda_permission"];
    public IReadOnlyList<string> NameAttributes => ["function_name"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        if (r.Type != "aws_lambda_function")
            return scope.DeclaresOwner(r.Body.Get("function_name"), "aws_lambda_function") ? null : Undeclared(r, r.Type == "aws_lambda_function_url" ? "authorization_type" : null, Permission);
        var b = r.Body;
        var packageType = b.Get("package_type") as string ?? LambdaFunction.Defaults.PackageType;
        var url = scope.Companions(r, "aws_lambda_function_url", "function_name").FirstOrDefault();
        var permissions = scope.Companions(r, "aws_lambda_permission", "function_name").Select(p => Permission(p, IacScope.Near(r, p))).ToList();
        return new LambdaFunction
        {
            Id = IacScope.IdOf(r, "function_name"),
            Provenance = IacScope.Provenance(r),
            Tags = IacTags.Terraform(r),
            Name = b.Get("function_name") as string,
            PackageType = packageType,
            Runtime = packageType == "Image" ? (string?)null : IacValue.Optional(b, "runtime"),
            UrlAuthType = url is null ? (string?)null : IacValue.Optional(url.Body, "authorization_type"),
            Permissions = permissions,
            Environment = Environment(r, b.Block("environment")),
            LogGroup = LogGroupTargets.Lambda(LogGroupTargets.Read(b.Block("logging_config"), "log_group"), b, "function_name"),
        };
    }

    private static LambdaPermission Permission(IacResource p, int line) => new()
    {
        StatementId = p.Body.Get("statement_id") as string,
        Principal = IacValue.String(p.Body, "principal", ""),
        Action = p.Body.Get("action") as string,
        Conditions = Conditions(p.Body, "source_arn", "source_account", "principal_org_id", out var known),
        ConditionsKnown = known,
        Line = line,
        Address = p.Address,
    };

    /// <summary>
    /// A URL (<paramref name="authType"/> names its auth attribute) or a permission of a function this root does not
    /// declare: a function record of its own, named by the companion's address so it never links to a live function.
    /// Its runtime and environment are unknown here and not judged.
    /// </summary>
    internal static LambdaFunction Undeclared(IacResource companion, string? authType, Func<IacResource, int, LambdaPermission> permission) => new()
    {
        Id = companion.Address,
        Provenance = IacScope.Provenance(companion),
        UrlAuthType = authType is null ? (string?)null : IacValue.Optional(companion.Body, authType),
        Permissions = authType is null ? [permission(companion, companion.Line)] : [],
    };

    /// <summary>Each variable of environment.variables, its literal-ness recorded at the line that sets it.</summary>
    private static IReadOnlyList<EnvironmentVariable> Environment(IacResource r, IacBody? environment)
    {
        if (environment?.Get("variables") is not Dictionary<string, object?> variables) return [];
        var written = environment.Expression("variables") as HclObject;
        var attributeOrigin = environment.OriginOf("variables");
        return variables.Select(v =>
        {
            var item = written?.Items.FirstOrDefault(i => KeyText(i.Key) == v.Key);
            var origin = item is not null ? ValueOrigin.InFile(r.File, item.Line, item.Key.Column) : attributeOrigin;
            var holdsLiteral = HoldsLiteral(v.Value);
            return new EnvironmentVariable
            {
                Name = v.Key,
                HoldsLiteral = holdsLiteral.From(origin),
                ReportedBySecretRules = holdsLiteral is { IsKnown: true, Known: true } && SecretRulesJudge(environment.OriginOf("variables")?.File ?? r.File),
            };
        }).ToList();
    }

    private static string? KeyText(HclExpr key) => key switch
    {
        HclVariable v => v.Name,
        HclLiteral { Value: string s } => s,
        HclTemplate t => t.Text.Trim('"'),
        _ => null,
    };

    /// <summary>
    /// True for a real value written in the configuration (a placeholder or a Secrets Manager dynamic reference is not one),
    /// false for another resource's attribute (not written in code), unresolved for an expression nothing resolves.
    /// </summary>
    internal static Value<bool> HoldsLiteral(object? value) => value switch
    {
        null => false,
        IacUnknown { Reference: not null } => false,
        IacUnknown u => Value<bool>.Unresolved(u.Expression),
        _ => IacValues.AsString(value) is { } s && !SecretNames.IsNotAValue(s),
    };

    /// <summary>Whether the secret rules judge assignments in the file where a literal is written (a template named like an example is not judged).</summary>
    internal static bool SecretRulesJudge(string file) => FileContext.Of(new Rules.Model.SourceFile(file, "")).JudgesAssignments;

    /// <summary>
    /// The conditions Lambda writes into the function's policy for a permission's source ARN (ArnLike aws:SourceArn),
    /// source account and organization (StringEquals), read by the one policy reader so they are judged as any policy's.
    /// </summary>
    internal static IReadOnlyList<PolicyCondition> Conditions(IacBody b, string sourceArn, string sourceAccount, string orgId, out bool known)
    {
        var arnLike = new Dictionary<string, object?>();
        var equals = new Dictionary<string, object?>();
        void Add(Dictionary<string, object?> into, string key, string attribute)
        {
            if (b.Get(attribute) is { } v && v is not string { Length: 0 }) into[key] = v;
        }
        Add(arnLike, "aws:SourceArn", sourceArn);
        Add(equals, "aws:SourceAccount", sourceAccount);
        Add(equals, "aws:PrincipalOrgID", orgId);
        return IacPolicy.Conditions(new Dictionary<string, object?> { ["ArnLike"] = arnLike, ["StringEquals"] = equals }, out known);
    }
}
