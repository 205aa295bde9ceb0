using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// Whether a DB instance's parameter group, or a DB cluster's cluster parameter group, forces TLS, read the same way
/// from Terraform and CloudFormation: the group the resource names (by reference, or by a literal name declared in the
/// same root or template), the TLS parameter set in it, else the default of its family or of the engine version. A
/// group that cannot be read here (an expression, a data source, a name declared elsewhere that is not default.*)
/// leaves the answer unresolved.
/// </summary>
internal sealed record RdsParameterGroupShape(
    string GroupType, string NameAttribute, string FamilyAttribute, Func<IacBody, IEnumerable<(string Name, object? Value, ValueOrigin? Origin)>> Parameters)
{
    public static readonly RdsParameterGroupShape Terraform = new("aws_db_parameter_group", "name", "family", body =>
        body.Blocks("parameter").Select(p => (IacValues.AsString(p.Get("name")) ?? "", p.Get("value"), p.OriginOf("value"))));

    public static readonly RdsParameterGroupShape CloudFormation = new("AWS::RDS::DBParameterGroup", "DBParameterGroupName", "Family", CloudFormationParameters);

    public static readonly RdsParameterGroupShape TerraformCluster = Terraform with { GroupType = "aws_rds_cluster_parameter_group" };

    public static readonly RdsParameterGroupShape CloudFormationCluster = new("AWS::RDS::DBClusterParameterGroup", "DBClusterParameterGroupName", "Family", CloudFormationParameters);

    private static IEnumerable<(string Name, object? Value, ValueOrigin? Origin)> CloudFormationParameters(IacBody body) =>
        body.Get("Parameters") is Dictionary<string, object?> map
            ? map.Select(p => (p.Key, p.Value, body.OriginOf("Parameters")))
            : [];

    /// <summary>The answer, and the engine it was judged for (the instance's, else the one its group's family names).</summary>
    public (Value<bool>? Tls, string? Engine) TlsRequired(IacResource db, IacScope scope, string? engine, Value<string?> version, string groupAttribute)
    {
        var body = db.Body;
        var named = body.Get(groupAttribute);
        var groupOrigin = body.OriginOf(groupAttribute);
        var group = named switch
        {
            string name when name.Length > 0 && !name.StartsWith("default.", StringComparison.Ordinal) =>
                scope.Resources.FirstOrDefault(g => g.Type == GroupType && !g.IsData && IacValues.AsString(g.Body.Get(NameAttribute)) == name),
            IacUnknown { Reference: { } reference } => scope.ByAddress(reference) is { IsData: false } g && g.Type == GroupType ? g : null,
            _ => null,
        };
        // An instance restored from a snapshot or a replica may leave the engine out: its group's family names it.
        engine ??= EngineOf(named as string) ?? EngineOf(IacValues.AsString(group?.Body.Get(FamilyAttribute)));
        if (DbInstance.Defaults.TlsParameter(engine) is not { } parameter) return (null, engine);
        return (named switch
        {
            null or "" => Default(engine, version),
            string name when name.StartsWith("default.", StringComparison.Ordinal) => Value<bool>.Of(DbInstance.Defaults.TlsRequired(engine, name)).From(groupOrigin),
            _ when group is not null => InGroup(group, parameter, engine, groupOrigin),
            string name => Value<bool>.Unresolved($"parameter group {name} (not declared in this configuration)").From(groupOrigin),
            IacUnknown u => Value<bool>.Unresolved(u.Expression).From(groupOrigin),
            _ => Value<bool>.Unresolved(IacValue.Text(named)).From(groupOrigin),
        }, engine);
    }

    /// <summary>The engine a parameter group family (postgres16, mysql8.0, default.mariadb10.11) belongs to.</summary>
    private static string? EngineOf(string? family)
    {
        var name = family?.StartsWith("default.", StringComparison.Ordinal) == true ? family["default.".Length..] : family;
        return name is null ? null : new[] { "postgres", "mysql", "mariadb", "aurora-postgresql", "aurora-mysql" }.FirstOrDefault(e => name.StartsWith(e, StringComparison.Ordinal));
    }

    // The default group: where the engine version decides, a finding points at it; Aurora's default is off whatever the
    // version, so its finding points at the cluster, where the group is to be attached.
    private static Value<bool> Default(string? engine, Value<string?> version) =>
        !DbInstance.Defaults.TlsDefaultFollowsVersion(engine) ? Value<bool>.Of(DbInstance.Defaults.TlsRequired(engine, null))
        : (version.IsKnown ? Value<bool>.Of(DbInstance.Defaults.TlsRequired(engine, version.Known)) : Value<bool>.Unresolved(version.Expression!)).From(version.Origin);

    // The answer lies in the group: a finding points there, and the attribute that attaches the group is its related step.
    private Value<bool> InGroup(IacResource group, string parameter, string? engine, ValueOrigin? attachedAt)
    {
        ValueOrigin? Attached(ValueOrigin? at) => at is null || attachedAt is not { InFileAt: true } ? at
            : at with { Via = [.. at.Via, attachedAt with { Role = "Attribute that attaches this parameter group.", Via = [] }] };
        foreach (var (name, value, origin) in Parameters(group.Body))
        {
            if (!string.Equals(name, parameter, StringComparison.OrdinalIgnoreCase)) continue;
            return value is IacUnknown u
                ? Value<bool>.Unresolved(u.Expression).From(Attached(origin))
                : Value<bool>.Of(DbInstance.IsOn(IacValue.Text(value))).From(Attached(origin));
        }
        // Not set in the group: the default of its family, pointed at the group so the fix lands there.
        var at = Attached(ValueOrigin.InFile(group.File, group.Line));
        return group.Body.Get(FamilyAttribute) is IacUnknown family
            ? Value<bool>.Unresolved(family.Expression).From(at)
            : Value<bool>.Of(DbInstance.Defaults.TlsRequired(engine, IacValues.AsString(group.Body.Get(FamilyAttribute)))).From(at);
    }
}
