using Readiness.Rules.Languages.Hcl;
using Readiness.Runner.Sources.Iac;
using Readiness.Runner.Sources.Terraform;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

public class HclParserTests
{
    private static HclFile Tour() => HclParser.Parse("syntax-tour.tf", File.ReadAllText(TestPaths.Fixture("Hcl/syntax-tour.tf")));

    private static object? Local(string name)
    {
        var module = new TfModule(".", "", [Tour()], new Dictionary<string, Lazy<object?>> { ["enabled"] = new(() => true) });
        return TerraformEvaluator.Instance.Eval(module.Locals[name], module);
    }

    [Fact]
    public void Reads_every_construct_of_the_tour_without_error()
    {
        var file = Tour();
        file.Error.ShouldBeNull();
        var locals = file.Body.Blocks[0];
        locals.Type.ShouldBe("locals");
        locals.Line.ShouldBe(5);
        locals.Body.Attributes.Select(a => a.Name).ShouldContain("multi");
        var web = file.Body.Blocks[1];
        web.Labels.ShouldBe(["aws_instance", "web"]);
        web.Line.ShouldBe(39);
        web.Body.BlocksOf("dynamic").ShouldHaveSingleItem().Label(0).ShouldBe("ebs_block_device");
        locals.Body.Attribute("ports")!.Value.ShouldBeOfType<HclUnevaluated>().Kind.ShouldBe("for");
        locals.Body.Attribute("count")!.Line.ShouldBe(7);
        locals.Body.Attribute("count")!.Column.ShouldBe(3);
    }

    [Fact]
    public void Evaluates_literals_operators_templates_and_functions()
    {
        Local("enabled").ShouldBe(true);
        Local("ratio").ShouldBe(150m);
        Local("escaped").ShouldBe("tab\tquote\" dollar ${literal} percent %{literal} \u00e9");
        Local("picked").ShouldBe("on");
        Local("nested").ShouldBe("app-web");
        Local("legacy").ShouldBe("a");
        var tags = Local("tags").ShouldBeOfType<Dictionary<string, object?>>();
        tags["kubernetes.io/role"].ShouldBe("web");
        tags["count"].ShouldBe(2m);
        var merged = Local("multi").ShouldBeOfType<Dictionary<string, object?>>();
        merged["extra"].ShouldBe(true);
        merged["Name"].ShouldBe("app-web");
    }

    [Fact]
    public void Heredocs_interpolate_and_the_indented_form_strips_common_indentation()
    {
        var policy = Local("policy").ShouldBeOfType<string>();
        policy.ShouldContain("\"Resource\": \"app\"");
        policy.ShouldStartWith("{\n");
        // The directive stays unevaluated, so the whole template is unknown: never a guess.
        Local("script").ShouldBeOfType<IacUnknown>().Expression.ShouldStartWith("<<-SH");
        var template = (HclTemplate)Tour().Body.Blocks[0].Body.Attribute("script")!.Value;
        ((string)template.Parts[0]).ShouldBe("#!/bin/sh\n  echo \"");
    }

    [Fact]
    public void Unresolvable_expressions_stay_unknown_and_resource_references_keep_their_address()
    {
        Local("ports").ShouldBeOfType<IacUnknown>().Expression.ShouldStartWith("[for p in");
        Local("splat").ShouldBeOfType<IacUnknown>().Expression.ShouldBe("aws_instance.web[*].id");
        var module = new TfModule(".", "module.app.", [], new Dictionary<string, Lazy<object?>>());
        var reference = TerraformEvaluator.Instance.Eval(HclParser.ParseExpression("aws_security_group.db.id"), module).ShouldBeOfType<IacUnknown>();
        reference.Reference.ShouldBe("module.app.aws_security_group.db");
        TerraformEvaluator.Instance.Eval(HclParser.ParseExpression("var.missing"), module).ShouldBe(new IacUnknown("var.missing"));
    }

    [Theory]
    [InlineData("resource \"a\" \"b\" {\n  x = \n}\n", 2, 7, "expected an expression, found 'end of line'")]
    [InlineData("resource \"a\" \"b\" {\n  x = \"unterminated\n}\n", 2, 20, "unterminated string")]
    [InlineData("resource \"a\" \"b\" {\n  x = 1\n", 3, 1, "unclosed block")]
    [InlineData("locals {\n  a = 1 b = 2\n}\n", 2, 9, "expected a newline")]
    [InlineData("x = <<EOT\nnever closed\n", 1, 5, "heredoc 'EOT' is never closed")]
    [InlineData("/* open comment\nx = 1\n", 1, 1, "unclosed /* comment")]
    public void Syntax_errors_carry_line_and_column(string text, int line, int column, string message)
    {
        var error = HclParser.Parse("bad.tf", text).Error.ShouldNotBeNull();
        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Blocks_read_before_an_error_are_kept()
    {
        var file = HclParser.Parse("partial.tf", "resource \"aws_s3_bucket\" \"ok\" {\n  bucket = \"a\"\n}\n\nresource \"aws_s3_bucket\" \"bad\" {\n  bucket = [\n}\n");
        file.Error.ShouldNotBeNull().Line.ShouldBe(7);
        file.Body.Blocks.ShouldHaveSingleItem().Label(1).ShouldBe("ok");
    }
}
