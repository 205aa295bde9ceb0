using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Rds;

/// <summary>
/// CKV2_AWS_69: the parameter group (an Aurora cluster's cluster parameter group) must make the engine refuse plaintext
/// connections (rds.force_ssl, require_secure_transport). High on production; medium elsewhere, where the data is
/// usually not yet real.
/// </summary>
public sealed class RdsPlaintextConnectionsAccepted : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance db, RuleContext context)
    {
        if (db.TlsRequired is not { } tls || DbInstance.Defaults.TlsParameter(db.Engine) is not { } parameter) return [];
        var production = CloudJudge.IsProduction(db);
        var kind = db.IsCluster ? "cluster parameter group" : "parameter group";
        var group = db.ParameterGroup is { IsKnown: true, Known: { } name } ? $"{kind} {name}" : $"the default {kind}";
        var fix = db.IsCluster ? "a custom DB cluster parameter group attached to the cluster" : "a custom DB parameter group attached to the instance";
        return CloudJudge.Judge(context, db, tls, nameof(DbInstance.TlsRequired), $"forces TLS ({parameter} on)",
            required => !required,
            () => context.OnResource(db, $"{db.Kind()} {db.DisplayName} accepts plaintext connections: {group} leaves {parameter} off; set {parameter} = 1 in {fix}.",
                nameof(DbInstance.TlsRequired)))
            .Select(f => production || f.Undecided ? f : f with { Severity = context.Severity > Severity.Medium ? Severity.Medium : context.Severity });
    }
}
