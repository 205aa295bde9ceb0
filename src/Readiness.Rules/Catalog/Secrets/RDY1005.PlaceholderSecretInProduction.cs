using Readiness.Rules.Model;
using Readiness.Rules.Secrets;

namespace Readiness.Rules.Catalog.Secrets;

/// <summary>Production configuration still holds a placeholder (changeme, your-..., ..._REPLACE_ME): the real value was never set.</summary>
public sealed class PlaceholderSecretInProduction : SecretRule
{
    protected override SecretKind Kind => SecretKind.Placeholder;

    protected override string Message(SecretHit hit, SourceFile file, string preview)
    {
        var what = hit.DetectorId == SecretScanner.PlaceholderDetector ? $"'{hit.Name}'" : $"The password of a {hit.Title}";
        return $"{what} in production configuration {file.Path} is still a placeholder ({preview}), so the real value was never set; set it in the deployment's secret store and fail start-up when it is missing.";
    }
}
