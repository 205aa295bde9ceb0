using System.Text.RegularExpressions;
using Readiness.Runner.Configuration;
using Readiness.Runner.Suppressions;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Sources.Containers;

/// <summary>
/// The ruleset's <c>containers:</c> section: compose files to judge as production or as local-only whatever their
/// names say, as path globs relative to the scanned folder.
/// <code>
/// containers:
///   production_compose: [deploy/docker-compose.yml]
///   local_compose: [infrastructure/docker/docker-compose.yml]
/// </code>
/// </summary>
public sealed class ContainerSettings
{
    public const string Section = "containers";

    public IReadOnlyList<(string Glob, Regex Pattern)> Production { get; init; } = [];
    public IReadOnlyList<(string Glob, Regex Pattern)> Local { get; init; } = [];

    public static ContainerSettings Read(RulesetSection? section)
    {
        if (section is null) return new ContainerSettings();
        if (section.Node is not YamlMappingNode map)
            throw new ConfigurationError(section.File, Line(section.Node), "'containers' must be a mapping, e.g. 'containers: { local_compose: [docker-compose.yml] }'.");
        var production = new List<(string, Regex)>();
        var local = new List<(string, Regex)>();
        foreach (var (keyNode, value) in map.Children)
        {
            var into = keyNode.ToString() switch
            {
                "production_compose" => production,
                "local_compose" => local,
                var other => throw new ConfigurationError(section.File, Line(keyNode), $"unknown key '{other}' under 'containers'; expected 'local_compose' or 'production_compose'."),
            };
            if (value is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode))
                throw new ConfigurationError(section.File, Line(value), $"'{keyNode}' must be a list of path globs, e.g. [deploy/docker-compose.yml].");
            into.AddRange(list.Children.Select(c => ((YamlScalarNode)c).Value ?? "").Select(g => (g, Glob.ForPath(g))));
        }
        return new ContainerSettings { Production = production, Local = local };
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
