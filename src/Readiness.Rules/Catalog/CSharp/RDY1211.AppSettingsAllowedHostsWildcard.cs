using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>CSEC-20 for ASP.NET: "AllowedHosts": "*" turns host filtering off, like Django's ALLOWED_HOSTS = ["*"].</summary>
public sealed class AppSettingsAllowedHostsWildcard : FileRule
{
    public override bool AppliesTo(SourceFile file) => AppSettingsFiles.IsProductionConfig(file) && file.Text.Contains("AllowedHosts", StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        if (AppSettingsFiles.Root(file)?.Member("AllowedHosts", ignoreCase: true) is not { Value: JsonScalar { Value: string hosts } } member) yield break;
        if (!hosts.Split(';', StringSplitOptions.TrimEntries).Contains("*")) yield break;
        yield return context.AtLine(file, file.LineOf(member.KeyOffset),
            $"AllowedHosts is \"{hosts}\" in {file.Path} (used by {AppSettingsFiles.EnvironmentOf(file)}), so host filtering is off and any Host header is accepted; list the production host names separated by semicolons.",
            fingerprintKey: "AllowedHosts");
    }
}
