using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Aws;

/// <summary>A live database whose protective settings are weaker than its definition in code says.</summary>
public sealed class DatabaseDrift : ResourceRule<DbInstance>
{
    public override IEnumerable<Finding> Check(DbInstance live, RuleContext context)
    {
        if (!live.Provenance.IsLive || live.Definition is not DbInstance code) yield break;
        foreach (var (attribute, inCode, inLive, weaker) in Settings(code, live))
        {
            if (!inCode.IsKnown || !inLive.IsKnown || inCode.Known == inLive.Known || inLive.Known != weaker) continue;
            var message = attribute == nameof(DbInstance.TlsRequired)
                ? $"Database {live.DisplayName} accepts plaintext connections in the live account (its {(live.IsCluster ? "cluster parameter group" : "parameter group")} {live.ParameterGroup.Known ?? "default"} leaves {DbInstance.Defaults.TlsParameter(live.Engine)} off) but its code ({code.DisplayName}) forces TLS; someone changed the parameter outside the code: apply the code (terraform apply, or update the stack) or change the code to match and review why."
                : $"Database {live.DisplayName} has {attribute} = {Text(inLive.Known)} in the live account but the code ({code.DisplayName}) says {Text(inCode.Known)}; someone changed it outside the code: apply the code (terraform apply, or update the stack) or change the code to match and review why.";
            yield return context.OnResource(live,
                message,
                attribute, fingerprintKey: "drift:" + attribute,
                properties: new Dictionary<string, string> { ["attribute"] = attribute, ["code"] = Text(inCode.Known), ["live"] = Text(inLive.Known) });
        }
    }

    private static IEnumerable<(string, Value<bool>, Value<bool>, bool)> Settings(DbInstance code, DbInstance live)
    {
        // The parameter group's TLS setting (rds.force_ssl, require_secure_transport), for engines judged for it.
        if (code.TlsRequired is { } codeTls && live.TlsRequired is { } liveTls) yield return ("TlsRequired", codeTls, liveTls, false);
        yield return ("DeletionProtection", code.DeletionProtection, live.DeletionProtection, false);
        yield return ("PubliclyAccessible", code.PubliclyAccessible, live.PubliclyAccessible, true);
        yield return ("StorageEncrypted", code.StorageEncrypted, live.StorageEncrypted, false);
        yield return ("MultiAz", code.MultiAz, live.MultiAz, false);
    }

    private static string Text(bool value) => value ? "true" : "false";
}
