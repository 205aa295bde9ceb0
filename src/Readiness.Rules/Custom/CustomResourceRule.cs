using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Custom;

/// <summary>
/// A policy a ruleset writes over the cloud model: every resource of the listed kinds must satisfy the condition,
/// whatever its source (Terraform, CloudFormation, the live account or a recorded inventory). A resource where the
/// condition does not hold is a finding; one where it depends on an unresolved value is undecided, never guessed.
/// </summary>
public sealed class CustomResourceRule : EvidenceRule
{
    public CustomResourceRule(RuleMetadata metadata, IReadOnlyList<ResourceKind> kinds, Condition condition, MessageTemplate message)
    {
        Metadata = metadata;
        Kinds = kinds;
        Condition = condition;
        Message = message;
        types = kinds.Select(k => k.Type).ToHashSet();
        // A condition on one attribute points the finding at where that attribute is set; otherwise at the resource.
        attribute = condition is Condition.Test { TagKey: null } test ? test.AttributePath : null;
    }

    private readonly HashSet<Type> types;
    private readonly string? attribute;

    public IReadOnlyList<ResourceKind> Kinds { get; }
    public Condition Condition { get; }
    public MessageTemplate Message { get; }

    public override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        foreach (var resource in evidence.Cloud.Resources)
        {
            if (!types.Contains(resource.GetType())) continue;
            var truth = Condition.Evaluate(resource);
            if (truth.Holds == true) continue;
            if (truth.Holds is null)
                yield return context.Undecided(resource, truth.Attribute!, truth.Expression, $"meets {Id} ({Metadata.Title})");
            else
                yield return context.OnResource(resource, Message.Render(resource), attribute, fingerprintKey: Id);
        }
    }
}

/// <summary>
/// A finding's sentence with placeholders: <c>{kind}</c> (the record kind, e.g. DbInstance), <c>{name}</c> (the Terraform
/// address, logical id or live id), <c>{id}</c>, and any attribute of the kinds (<c>{Engine}</c>).
/// </summary>
public sealed partial class MessageTemplate(string text)
{
    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();

    public static readonly IReadOnlySet<string> Fixed = new HashSet<string>(StringComparer.Ordinal) { "kind", "name", "id" };

    public string Text { get; } = text;

    /// <summary>The placeholders the text uses, in order, for validation against the schema.</summary>
    public IEnumerable<string> Placeholders => Placeholder().Matches(Text).Select(m => m.Groups["name"].Value);

    public string Render(CloudResource resource) => Placeholder().Replace(Text, m => m.Groups["name"].Value switch
    {
        "kind" => resource.GetType().Name,
        "name" => resource.DisplayName,
        "id" => resource.Id,
        var attribute => resource.GetType().GetProperty(attribute)?.GetValue(resource) switch
        {
            IValue { IsKnown: false } v => $"<{v.Expression}>",
            null => "(not set)",
            var v => v.ToString() ?? "",
        },
    });
}
