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
        locals.Body.Attribute("ports")!.Value.ShouldBeOfType<HclFor>().ValueVar.ShouldBe("p");
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
        // The %{ if } directive is evaluated with its condition.
        Local("script").ShouldBe("#!/bin/sh\n  echo \"app\"\necho on\n");
        var template = (HclTemplate)Tour().Body.Blocks[0].Body.Attribute("script")!.Value;
        ((string)template.Parts[0]).ShouldBe("#!/bin/sh\n  echo \"");
        template.Parts.OfType<HclTemplateIf>().ShouldHaveSingleItem().WhenTrue.ShouldBe(["echo on"]);
    }

    [Fact]
    public void Unresolvable_expressions_stay_unknown_and_resource_references_keep_their_address()
    {
        Local("ports").ShouldBe(new List<object?> { 81m, 444m });
        var splat = Local("splat").ShouldBeOfType<IacUnknown>();
        splat.Expression.ShouldBe("aws_instance.web[*].id");
        splat.Reference.ShouldBe("aws_instance.web");
        var module = new TfModule(".", "module.app.", [], new Dictionary<string, Lazy<object?>>());
        var reference = TerraformEvaluator.Instance.Eval(HclParser.ParseExpression("aws_security_group.db.id"), module).ShouldBeOfType<IacUnknown>();
        reference.Reference.ShouldBe("module.app.aws_security_group.db");
        // An undeclared variable is an error in Terraform: try() moves past it.
        TerraformEvaluator.Instance.Eval(HclParser.ParseExpression("var.missing"), module).ShouldBe(new IacUnknown("var.missing", Failed: true));
    }

    [Theory]
    [InlineData("resource \"a\" \"b\" {\n  x = \n}\n", 2, 7, "expected an expression, found 'end of line'")]
    [InlineData("resource \"a\" \"b\" {\n  x = \"unterminated\n}\n", 2, 20, "unterminated string")]
    [InlineData("resource \"a\" \"b\" {\n  x = 1\n", 3, 1, "unclosed block")]
    [InlineData("locals {\n  a = 1 b = 2\n}\n", 2, 9, "expected a newline")]
    [InlineData("x = <<EOT\nnever closed\n", 1, 5, "heredoc 'EOT' is never closed")]
    [InlineData("/* open comment\nx = 1\n", 1, 1, "unclosed /* comment")]
    [InlineData("x = [for v in [1] : v\n", 2, 1, "expected ']'")]
    [InlineData("x = \"%{ if true }open\"\n", 1, 6, "without '%{endif}'")]
    public void Syntax_errors_carry_line_and_column(string text, int line, int column, string message)
    {
        var error = HclParser.Parse("bad.tf", text).Error.ShouldNotBeNull();
        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Absurd_nesting_is_a_syntax_error_not_a_crash()
    {
        var text = "x = " + new string('(', 5000) + "1" + new string(')', 5000) + "\n";
        HclParser.Parse("deep.tf", text).Error.ShouldNotBeNull().Message.ShouldContain("nested deeper than");
    }

    [Fact]
    public void Blocks_read_before_an_error_are_kept()
    {
        var file = HclParser.Parse("partial.tf", "resource \"aws_s3_bucket\" \"ok\" {\n  bucket = \"a\"\n}\n\nresource \"aws_s3_bucket\" \"bad\" {\n  bucket = [\n}\n");
        file.Error.ShouldNotBeNull().Line.ShouldBe(7);
        file.Body.Blocks.ShouldHaveSingleItem().Label(1).ShouldBe("ok");
    }
}
