using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Org;

/// <summary>
/// docs/workflows/org-nightly.yml has the shape docs/scale.md describes (actionlint and the command checks of every
/// documented workflow run in WorkflowLintTests and CiIntegrationTests): discover emits the matrix, one scan job per
/// account that does not cancel the others, and a merge that runs even when shards failed and reads the account list.
/// </summary>
public sealed class OrgWorkflowTests
{
    private static readonly string File = Path.Combine(TestPaths.Repo, "docs", "workflows", "org-nightly.yml");

    private static YamlMappingNode Job(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(System.IO.File.ReadAllText(File)));
        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)[new YamlScalarNode("jobs")];
        return (YamlMappingNode)jobs[new YamlScalarNode(name)];
    }

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path) current = ((YamlMappingNode)current)[new YamlScalarNode(key)];
        return ((YamlScalarNode)current).Value!;
    }

    [Fact]
    public void Discover_feeds_the_matrix_scan_shards_per_account_and_merge_reads_the_account_list()
    {
        Scalar(Job("discover"), "outputs", "matrix").ShouldBe("${{ steps.accounts.outputs.matrix }}");
        var scan = Job("scan");
        Scalar(scan, "strategy", "matrix").ShouldBe("${{ fromJSON(needs.discover.outputs.matrix) }}");
        Scalar(scan, "strategy", "fail-fast").ShouldBe("false");
        int.Parse(Scalar(scan, "strategy", "max-parallel"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(1);
        var merge = Job("merge");
        Scalar(merge, "if").ShouldContain("always()");
        var text = System.IO.File.ReadAllText(File);
        text.ShouldContain("readiness accounts --org --role-name \"$ROLE_NAME\" --format github-matrix");
        text.ShouldContain("aws-role: ${{ matrix.role }}");
        text.ShouldContain("--output-dir \"$RUNS/$DAY/$ACCOUNT\"");
        text.ShouldContain("readiness merge \"$RUNS/$DAY\" --accounts \"$RUNS/$DAY/accounts.json\"");
    }
}
