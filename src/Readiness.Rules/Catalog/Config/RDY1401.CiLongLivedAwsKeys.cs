using Readiness.Rules.Languages;
using Readiness.Rules.Languages.Yaml;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Readiness.Rules.Catalog.Config;

/// <summary>
/// GitHub Actions workflows that authenticate to AWS with long-lived access keys kept in repository secrets
/// (aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}, or AWS_ACCESS_KEY_ID in env) where an OIDC role would do.
/// </summary>
public sealed class CiLongLivedAwsKeys : FileRule
{
    public override bool AppliesTo(SourceFile file) => IsWorkflow(file.Path)
        && (file.Text.Contains("aws-access-key-id", StringComparison.Ordinal) || file.Text.Contains("AWS_ACCESS_KEY_ID", StringComparison.Ordinal));

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        if (file.Parsed(ParseWorkflow) is not { Root: YamlMappingNode root }) yield break;
        var workflowName = Scalar(root, "name") ?? file.Name;
        foreach (var (node, where) in KeyReferences(root))
        {
            var value = node.Value ?? "";
            yield return context.AtLine(file, (int)node.Start.Line,
                $"{char.ToUpperInvariant(where[0])}{where[1..]} in workflow '{workflowName}' ({file.Path}) signs in to AWS with a long-lived access key from {value.Trim()}; grant the job id-token: write and use aws-actions/configure-aws-credentials with role-to-assume (GitHub OIDC), then delete the IAM user's access keys.",
                fingerprintKey: where);
        }
    }

    public static bool IsWorkflow(string path)
    {
        // Asked of every file: a path not ending in 'l' (.yml, .yaml in any case) is answered without lower-casing it.
        if (path.Length == 0 || (path[^1] | 0x20) != 'l') return false;
        var p = path.ToLowerInvariant();
        return p.Contains(".github/workflows/", StringComparison.Ordinal) && (p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal));
    }

    // aws-access-key-id in a configure-aws-credentials step's with:, or AWS_ACCESS_KEY_ID in env: of the workflow, a job or
    // a step, when the value comes from a secret or variable (a literal key is the secret detectors' finding).
    private static IEnumerable<(YamlScalarNode Value, string Where)> KeyReferences(YamlMappingNode root)
    {
        foreach (var found in EnvKeys(root, "the workflow env")) yield return found;
        if (Child(root, "jobs") is not YamlMappingNode jobs) yield break;
        foreach (var (jobKey, jobNode) in jobs.Children)
        {
            if (jobNode is not YamlMappingNode job) continue;
            foreach (var found in EnvKeys(job, $"job '{jobKey}' env")) yield return found;
            if (Child(job, "steps") is not YamlSequenceNode steps) continue;
            var index = 0;
            foreach (var stepNode in steps.Children)
            {
                index++;
                if (stepNode is not YamlMappingNode step) continue;
                var label = $"step '{Scalar(step, "name") ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}' of job '{jobKey}'";
                foreach (var found in EnvKeys(step, label + " env")) yield return found;
                var uses = Scalar(step, "uses") ?? "";
                if (uses.StartsWith("aws-actions/configure-aws-credentials", StringComparison.Ordinal)
                    && Child(step, "with") is YamlMappingNode with && Child(with, "aws-access-key-id") is YamlScalarNode key && IsReference(key.Value))
                    yield return (key, label);
            }
        }
    }

    private static IEnumerable<(YamlScalarNode, string)> EnvKeys(YamlMappingNode owner, string where)
    {
        if (Child(owner, "env") is YamlMappingNode env && Child(env, "AWS_ACCESS_KEY_ID") is YamlScalarNode key && IsReference(key.Value))
            yield return (key, where);
    }

    private static bool IsReference(string? value) => value is not null && value.Contains("${{", StringComparison.Ordinal)
        && (value.Contains("secrets.", StringComparison.Ordinal) || value.Contains("vars.", StringComparison.Ordinal));

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private sealed record Workflow(YamlNode? Root);

    private static Workflow ParseWorkflow(SourceFile file)
    {
        try
        {
            var stream = SafeYaml.Load(file.Text);
            return new Workflow(stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null);
        }
        catch (YamlLimitException ex)
        {
            // Too deep or an alias bomb: could not look, which is a coverage gap, not "nothing to judge".
            throw new NestingTooDeepException(file.Path, (int)ex.Start.Line, ex.Reason);
        }
        catch (YamlException)
        {
            // Not valid YAML: GitHub would refuse the workflow too; nothing to judge.
            return new Workflow(null);
        }
    }
}
