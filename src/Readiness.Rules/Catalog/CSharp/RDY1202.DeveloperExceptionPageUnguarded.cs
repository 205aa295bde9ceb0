using Microsoft.CodeAnalysis.CSharp.Syntax;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.CSharp;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.CSharp;

/// <summary>SHIELD-3: the developer exception page and database error page must run only in Development.</summary>
public sealed class DeveloperExceptionPageUnguarded : FileRule
{
    public override bool AppliesTo(SourceFile file) => CSharpFiles.IsApplicationCode(file, "UseDeveloperExceptionPage", "UseDatabaseErrorPage");

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = CsDocument.Parse(file);
        foreach (var call in doc.Invocations("UseDeveloperExceptionPage", "UseDatabaseErrorPage"))
        {
            if (AspNetEnvironment.OnlyInDevelopment(call)) continue;
            var name = CsDocument.MethodName(call);
            var shows = name == "UseDatabaseErrorPage" ? "database schema and migration details" : "stack traces, source lines, headers and configuration";
            yield return context.AtLine(file, doc.LineOfCall(call),
                $"{name}() in {file.Path} is not guarded by IsDevelopment(), so production errors show {shows} to anyone; wrap it in if (app.Environment.IsDevelopment()) and use UseExceptionHandler(\"/error\") elsewhere.",
                fingerprintKey: name);
        }
    }
}
