using Readiness.Rules.Engine;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Http;

/// <summary>A deployed .git folder, .env file or .DS_Store that anyone can download. Values are never shown.</summary>
public sealed class SensitiveFileExposed : HttpTargetRule
{
    protected override IEnumerable<Finding> Check(HttpTarget target, RuleContext context) =>
        ExposedContent.SensitiveFiles(target).Select(e => context.AtEndpoint(target.Url,
            $"{e.Exchange.FinalUrl} serves {e.What} to anyone; remove it from the deployed files and block dot-files at the web server (nginx: location ~ /\\. {{ deny all; }}), then rotate every secret it held.",
            e.Proof, e.Kind, Props(e.Exchange)));
}
