using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Ecr;

/// <summary>ECR.1: images are not scanned when pushed, so known vulnerabilities reach production unannounced.</summary>
public sealed class EcrScanOnPushDisabled : ResourceRule<EcrRepository>
{
    public override IEnumerable<Finding> Check(EcrRepository repository, RuleContext context) =>
        CloudJudge.Judge(context, repository, repository.ScanOnPush, nameof(EcrRepository.ScanOnPush), "scans images on push",
            scan => !scan,
            () => context.OnResource(repository, $"ECR repository {repository.DisplayName} does not scan images when they are pushed, so an image with known vulnerabilities in its OS packages or libraries is deployed without anyone being told; turn on scan on push (or enhanced scanning with Amazon Inspector for the registry).", nameof(EcrRepository.ScanOnPush)));
}
