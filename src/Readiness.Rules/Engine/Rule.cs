using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Engine;

/// <summary>
/// A rule: a small pure function over the model. Its metadata comes from the YAML file beside the class,
/// named "ID.ClassName.yaml". Subclass one of <see cref="FileRule"/>, <see cref="ResourceRule{T}"/> or <see cref="EvidenceRule"/>.
/// </summary>
public abstract class Rule
{
    private RuleMetadata? metadata;

    /// <summary>Set once by the catalog when it loads the YAML beside the class.</summary>
    public RuleMetadata Metadata
    {
        get => metadata ?? throw new InvalidOperationException($"{GetType().Name} has no metadata: create it through RuleCatalog.");
        internal set => metadata = value;
    }

    public string Id => Metadata.Id;
}

/// <summary>A rule over one source file at a time. <see cref="AppliesTo"/> must be cheap: it runs on every file.</summary>
public abstract class FileRule : Rule
{
    public abstract bool AppliesTo(SourceFile file);

    public abstract IEnumerable<Finding> Check(SourceFile file, RuleContext context);
}

/// <summary>A rule over every cloud resource of one type, whatever its source (Terraform, CloudFormation, live AWS).</summary>
public abstract class ResourceRule<T> : Rule, IModelRule where T : CloudResource
{
    public abstract IEnumerable<Finding> Check(T resource, RuleContext context);

    IEnumerable<Finding> IModelRule.Check(Evidence evidence, RuleContext context) =>
        evidence.Cloud.OfType<T>().SelectMany(resource => Check(resource, context));
}

/// <summary>A rule over the whole model: HTTP targets, account-wide facts, relations between resources.</summary>
public abstract class EvidenceRule : Rule, IModelRule
{
    public abstract IEnumerable<Finding> Check(Evidence evidence, RuleContext context);
}

/// <summary>What the engine calls on rules that judge the whole model.</summary>
public interface IModelRule
{
    IEnumerable<Finding> Check(Evidence evidence, RuleContext context);
}
