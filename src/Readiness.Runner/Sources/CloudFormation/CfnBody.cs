using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Sources.CloudFormation;

/// <summary>A CloudFormation properties map (or a nested property object), evaluated in its template.</summary>
public sealed class CfnBody(YamlMappingNode node, CfnTemplate template, int line) : IacBody
{
    public override int Line => line;

    private YamlNode? Child(string name) => node.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;

    public override object? Get(string name)
    {
        var value = Child(name) is { } child ? template.Eval(child) : null;
        return CfnTemplate.IsNoValue(value) ? null : value;
    }

    public override int LineOf(string name) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == name) is { } key ? (int)key.Start.Line : 0;

    public override ValueOrigin? OriginOf(string name) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == name) is { } key
            ? ValueOrigin.InFile(template.Path, (int)key.Start.Line, (int)key.Start.Column)
            : null;

    /// <summary>A nested object, or each object of a nested list; intrinsic functions in their place are not expanded.</summary>
    public override IEnumerable<IacBody> Blocks(string name) => Child(name) switch
    {
        YamlMappingNode map when CfnTemplate.Intrinsic(map).Function is null => [new CfnBody(map, template, LineOf(name))],
        YamlSequenceNode list => list.Children
            .OfType<YamlMappingNode>()
            .Where(item => CfnTemplate.Intrinsic(item).Function is null)
            .Select(item => new CfnBody(item, template, (int)item.Start.Line))
            .ToList(),
        _ => [],
    };
}
