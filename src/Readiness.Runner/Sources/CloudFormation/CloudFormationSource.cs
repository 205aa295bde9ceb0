using System.Collections.Concurrent;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Sources.CloudFormation;

/// <summary>
/// CloudFormation templates as evidence, JSON or YAML, hand-written or synthesized by the CDK (cdk.out/*.template.json).
/// A template is recognized by its content (AWSTemplateFormatVersion, or a Resources map of AWS:: types); one that does
/// not parse becomes a coverage gap with line and column.
/// </summary>
public sealed class CloudFormationSource : IEvidenceSource
{
    private readonly ConcurrentDictionary<string, SourceFile> templates = new(StringComparer.Ordinal);

    public string Name => "cloudformation";

    public void Observe(SourceFile file)
    {
        if (CfnTemplate.LooksLikeTemplate(file)) templates[file.Path] = file;
    }

    public Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken)
    {
        var resourceCount = 0;
        var fileCount = 0;
        foreach (var file in templates.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CfnTemplate? template;
            try
            {
                template = CfnTemplate.Parse(file);
            }
            catch (YamlException ex)
            {
                collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Iac, file.Path, $"CloudFormation template syntax error: {ex.Message}; the template was not checked.")
                { Line = (int)ex.Start.Line, Column = (int)ex.Start.Column });
                continue;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner fails this way on some malformed input: report where the last good token ended.
                var (line, column) = LastGoodPosition(file.Text);
                collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Iac, file.Path, "CloudFormation template syntax error: malformed YAML after this point; the template was not checked.")
                { Line = line, Column = column });
                continue;
            }
            if (template is null) continue;
            fileCount++;
            var resources = Resources(template);
            resourceCount += resources.Count;
            foreach (var r in CloudFormationMapper.Map(resources)) collector.Add(r);
        }
        if (fileCount > 0) collector.Coverage.Count("iac.files", fileCount);
        collector.Coverage.Count("iac.resources", resourceCount);
        return Task.CompletedTask;
    }

    private static (int Line, int Column) LastGoodPosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext()) last = parser.Current!.End;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // The position of the last event read is what we report.
        }
        return ((int)Math.Max(last.Line, 1), (int)Math.Max(last.Column, 1));
    }

    /// <summary>The template's resources, without those whose Condition is known to be false.</summary>
    public static IReadOnlyList<IacResource> Resources(CfnTemplate template)
    {
        var result = new List<IacResource>();
        foreach (var (logicalId, (key, body)) in template.Resources)
        {
            string? Scalar(string name) => body.Children.TryGetValue(new YamlScalarNode(name), out var v) && v is YamlScalarNode s ? s.Value : null;
            if (Scalar("Type") is not { } type) continue;
            if (Scalar("Condition") is { } condition && template.Condition(condition) == false) continue;
            var properties = body.Children.TryGetValue(new YamlScalarNode("Properties"), out var p) && p is YamlMappingNode map ? map : new YamlMappingNode();
            result.Add(new IacResource(type, logicalId, logicalId, template.Path, (int)key.Start.Line,
                new CfnBody(properties, template, (int)key.Start.Line), Origin.CloudFormation));
        }
        return result;
    }
}
