using Readiness.Rules.Languages.JavaScript;
using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.JavaScript;

public class NodeRulesTests
{
    private static readonly string[] Rules = ["RDY1301", "RDY1302"];

    [Theory]
    [InlineData("Stacks/JavaScript/pmo_api/src/server.js")]
    [InlineData("Stacks/JavaScript/alva_services/apps/api/src/app.ts")]
    [InlineData("Stacks/JavaScript/alva_services/apps/web/app/api/projects/route.ts")]
    [InlineData("Stacks/JavaScript/alva_services/apps/web/next.config.js")]
    public void Not_ready_fixture_matches_annotations(string fixture) => FixtureVerifier.Verify(fixture, Rules);

    [Theory]
    [InlineData("Stacks/JavaScript/pmo_api_hardened/src/server.js")]
    [InlineData("Stacks/JavaScript/alva_services_hardened/apps/api/src/app.ts")]
    [InlineData("Stacks/JavaScript/alva_services_hardened/apps/web/next.config.js")]
    public void Hardened_fixture_reports_nothing(string fixture) => FixtureVerifier.Verify(fixture, Rules).ShouldBeEmpty();

    [Fact]
    public void Tokenizer_keeps_regexes_templates_and_comments_apart_from_code()
    {
        var tokens = JsTokenizer.Tokenize("const a = x / 2 / y; const r = /['\"]/g; // it's\nconst t = `a ${b + `c${d}`} e`; /* } */ f(\"}\")");
        tokens.Where(t => t.Kind == JsTokenKind.Regex).Select(t => t.Text).ShouldBe(["/['\"]/g"]);
        tokens.Where(t => t.Kind == JsTokenKind.Template).Select(t => t.Value).ShouldBe(["a ", "c", "", " e"]);
        tokens.Count(t => t.Is("/")).ShouldBe(2);
        tokens.Where(t => t.Kind == JsTokenKind.String).Select(t => t.Value).ShouldBe(["}"]);
        tokens.ShouldNotContain(t => t.Text.Contains("it's"));
    }

    [Fact]
    public void Json_reader_accepts_comments_and_trailing_commas_and_refuses_garbage()
    {
        var root = JsonTree.Parse("{ // c\n \"a\": [1, -2, true, null,], /* x */ \"b\": { \"c\": \"d\" }, }").ShouldBeOfType<JsonObject>();
        root["a"].ShouldBeOfType<JsonArray>().Items.Count.ShouldBe(4);
        root["b"].ShouldBeOfType<JsonObject>()["c"].ShouldBeOfType<JsonScalar>().Value.ShouldBe("d");
        JsonTree.Parse("{ \"a\": }").ShouldBeNull();
        JsonTree.Parse(new string('[', 5000) + new string(']', 5000)).ShouldBeNull();
    }
}
