using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Terraform;

/// <summary>Seed plan 003: a root module whose state lives in a local terraform.tfstate file.</summary>
public sealed class TerraformLocalState : ResourceRule<TerraformBackend>
{
    public override IEnumerable<Finding> Check(TerraformBackend backend, RuleContext context) =>
        CloudJudge.Judge(context, backend, backend.BackendType, nameof(TerraformBackend.BackendType), "keeps its state remotely",
            type => type == "local",
            () => context.OnResource(backend, $"Terraform root module {backend.Id} keeps its state in a local terraform.tfstate file; configure a remote backend (S3 with encryption and locking) so state is shared, backed up and not on one laptop.", nameof(TerraformBackend.BackendType)));
}
