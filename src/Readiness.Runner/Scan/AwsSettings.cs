using Readiness.Runner.Configuration;
using Readiness.Runner.Sources;
using Readiness.Runner.Sources.Aws;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Scan;

/// <summary>
/// Which AWS evidence a scan reads: the command line (--aws, --aws-inventory) and the ruleset's <c>aws</c> section,
/// whose <c>inventory</c> names a recorded inventory relative to the ruleset file (how the samples ship theirs):
/// <code>aws:
///   inventory: ../aws/inventory.json</code>
/// </summary>
public static class AwsSettings
{
    public static IEnumerable<IEvidenceSource> Sources(ScanOptions options, Ruleset ruleset)
    {
        var inventories = options.AwsInventories.ToList();
        // A recorded inventory in the ruleset stands in for live AWS only when the user did not ask for another view.
        if (options.AwsLive is null && inventories.Count == 0 && ruleset.Sections.TryGetValue("aws", out var section))
            inventories.AddRange(InventoriesOf(section));
        if (options.AwsLive is null && inventories.Count == 0) yield break;
        yield return new AwsEvidenceSource(options.AwsLive, inventories);
    }

    private static IEnumerable<string> InventoriesOf(RulesetSection section)
    {
        if (section.Node is not YamlMappingNode map)
            throw new ConfigurationError(section.File, (int)section.Node.Start.Line, "the 'aws' section must be a mapping, e.g. 'inventory: aws/inventory.json'.");
        foreach (var (key, value) in map.Children)
        {
            if (key.ToString() != "inventory")
                throw new ConfigurationError(section.File, (int)key.Start.Line, $"unknown key '{key}' in the 'aws' section; expected 'inventory'.");
            if (value is not YamlScalarNode { Value: { Length: > 0 } path })
                throw new ConfigurationError(section.File, (int)value.Start.Line, "'inventory' must be a path to a recorded AWS inventory.");
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(section.File)) ?? ".";
            yield return Path.GetFullPath(Path.Combine(baseDir, path));
        }
    }
}
