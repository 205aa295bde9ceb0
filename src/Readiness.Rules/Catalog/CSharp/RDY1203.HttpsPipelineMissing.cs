using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.CSharp;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>SHIELD-2: a web application's pipeline (Program.cs or Startup.Configure) without UseHsts() or UseHttpsRedirection().</summary>
public sealed class HttpsPipelineMissing : FileRule
{
    public override bool AppliesTo(SourceFile file) => CSharpFiles.IsApplicationCode(file, "WebApplication.Create", "IApplicationBuilder");

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = CsDocument.Parse(file);
        var anchor = PipelineAnchor(doc);
        if (anchor is null) yield break;
        var present = doc.Invocations("UseHsts", "UseHttpsRedirection").Select(CsDocument.MethodName).ToHashSet();
        if (!present.Contains("UseHsts"))
            yield return context.AtLine(file, doc.LineOf(anchor),
                $"The ASP.NET pipeline in {file.Path} never calls UseHsts(), so browsers are not told to refuse plain HTTP; call app.UseHsts() outside Development (or send Strict-Transport-Security from the load balancer or CDN).",
                fingerprintKey: "UseHsts");
        if (!present.Contains("UseHttpsRedirection"))
            yield return context.AtLine(file, doc.LineOf(anchor),
                $"The ASP.NET pipeline in {file.Path} never calls UseHttpsRedirection(), so requests over plain HTTP are served; call app.UseHttpsRedirection() (or redirect HTTP to HTTPS at the load balancer).",
                fingerprintKey: "UseHttpsRedirection");
    }

    // builder.Build() of a WebApplication builder, or the Startup.Configure(IApplicationBuilder ...) method.
    private static SyntaxNode? PipelineAnchor(CsDocument doc)
    {
        var createsWebApp = doc.Root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Any(m => m.Expression is IdentifierNameSyntax { Identifier.Text: "WebApplication" } && m.Name.Identifier.Text.StartsWith("Create", StringComparison.Ordinal));
        if (createsWebApp)
        {
            var build = doc.Invocations("Build").FirstOrDefault();
            if (build is not null) return build;
        }
        return doc.Root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m =>
            m.Identifier.Text == "Configure" && m.ParameterList.Parameters.Any(p => p.Type?.ToString() == "IApplicationBuilder"));
    }
}
