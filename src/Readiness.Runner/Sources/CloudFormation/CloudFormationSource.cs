using System.Collections.Concurrent;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Sources.CloudFormation;

/// <summary>
/// CloudFormation templates as evidence, JSON or YAML, hand-written, SAM, or synthesized by the CDK.
/// A template is recognized by parsing (a Resources map of AWS:: types, quoted or not); a file that looks like one but
/// does not parse becomes a coverage gap with line and column. A CDK app (cdk.json) has its cdk.out/*.template.json
/// read even though .gitignore lists cdk.out, and findings there name the stack and the construct path.
/// </summary>
/// <param name="root">The scanned directory, to read cdk.out beside each cdk.json (null: only walked files).</param>
public sealed class CloudFormationSource(string? root = null) : IEvidenceSource
{
    private readonly ConcurrentDictionary<string, SourceFile> templates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> cdkApps = new(StringComparer.Ordinal);

    public string Name => "cloudformation";

    public void Observe(SourceFile file)
    {
        if (CfnTemplate.MayBeTemplate(file)) templates[file.Path] = file;
        if (file.Name == "cdk.json") cdkApps[file.Path.Contains('/') ? file.Path[..file.Path.LastIndexOf('/')] : "."] = 0;
    }

    /// <summary>cdk.out/*.template.json of each CDK app, from disk when the walker did not hand them over (gitignored).</summary>
    private void ReadSynthesizedTemplates()
    {
        if (root is null) return;
        foreach (var app in cdkApps.Keys)
        {
            var relative = app == "." ? "cdk.out" : app + "/cdk.out";
            var folder = Path.Combine(Path.GetFullPath(root), relative);
            if (!Directory.Exists(folder)) continue;
            foreach (var path in Directory.EnumerateFiles(folder, "*.template.json").Order(StringComparer.Ordinal))
            {
                var key = relative + "/" + Path.GetFileName(path);
                if (templates.ContainsKey(key)) continue;
                try
                {
                    templates[key] = new SourceFile(key, File.ReadAllText(path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Unreadable synthesized output is simply not there; the CDK source itself is still scanned.
                }
            }
        }
    }

    public Task CollectAsync(EvidenceCollector collector, CancellationToken cancellationToken)
    {
        ReadSynthesizedTemplates();
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
            catch (YamlException ex) when (CfnTemplate.LooksLikeTemplate(file.Text))
            {
                collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Iac, file.Path, $"CloudFormation template syntax error: {ex.Message}; the template was not checked.")
                { Line = (int)ex.Start.Line, Column = (int)ex.Start.Column });
                continue;
            }
            catch (InvalidOperationException) when (CfnTemplate.LooksLikeTemplate(file.Text))
            {
                // YamlDotNet's scanner fails this way on some malformed input: report where the last good token ended.
                var (line, column) = LastGoodPosition(file.Text);
                collector.Coverage.AddGap(new CoverageGap(EvidenceSource.Iac, file.Path, "CloudFormation template syntax error: malformed YAML after this point; the template was not checked.")
                { Line = line, Column = column });
                continue;
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException)
            {
                continue; // YAML or JSON that is not a template and does not parse: not ours to judge.
            }
            if (template is null) continue;
            fileCount++;
            var resources = Resources(template);
            resourceCount += resources.Count;
            foreach (var r in CloudFormationMapper.Map(resources)) collector.Add(WithConstructPath(r, template));
        }
        if (fileCount > 0) collector.Coverage.Count("iac.files", fileCount);
        collector.Coverage.Count("iac.resources", resourceCount);
        return Task.CompletedTask;
    }

    /// <summary>A synthesized resource is named by its stack and construct path (Stack/Database/Resource), as CDK users know it.</summary>
    private static CloudResource WithConstructPath(CloudResource resource, CfnTemplate template) =>
        resource.Provenance.Address is { } logicalId && template.CdkPath(logicalId) is { } path
            ? resource with { Provenance = resource.Provenance with { Address = $"{path} ({logicalId})" } }
            : resource;

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
