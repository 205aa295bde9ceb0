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
    /// <param name="liveTagsRead">The record types whose tags the live collectors read; for others a live resource's tags are unknown.</param>
    public CustomResourceRule(RuleMetadata metadata, IReadOnlyList<ResourceKind> kinds, Condition condition, MessageTemplate message, IReadOnlySet<Type> liveTagsRead)
    {
        this.liveTagsRead = liveTagsRead;
        Metadata = metadata;
        Kinds = kinds;
        Condition = condition;
        Message = message;
        types = kinds.Select(k => k.Type).ToHashSet();
        // A condition on one attribute points the finding at where that attribute is set; otherwise at the resource.
        attribute = condition is Condition.Test { TagKey: null } test ? test.AttributePath : null;
    }

    private readonly HashSet<Type> types;
    private readonly IReadOnlySet<Type> liveTagsRead;
    private readonly string? attribute;

    public IReadOnlyList<ResourceKind> Kinds { get; }
    public Condition Condition { get; }
    public MessageTemplate Message { get; }

    public override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        foreach (var resource in evidence.Cloud.Resources)
        {
            if (!types.Contains(resource.GetType())) continue;
            var truth = Condition.Evaluate(resource, !resource.Provenance.IsLive || liveTagsRead.Contains(resource.GetType()));
            if (truth.Holds == true) continue;
            if (truth is { Holds: null, Attribute: Condition.TagsNotRead, Expression: null })
                yield return context.OnResource(resource,
                    $"Cannot decide whether {resource.DisplayName} meets {Id} ({Metadata.Title}): the tags of a live {resource.GetType().Name} are not read from the account; judge its tags in the Terraform or CloudFormation that defines it.",
                    fingerprintKey: "undecided:Tags") with { Severity = Severity.Info, Undecided = true };
            else if (truth.Holds is null)
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
