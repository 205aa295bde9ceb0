using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_budgets_budget: its notification blocks with an e-mail or SNS subscriber.</summary>
public sealed class BudgetsTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_budgets_budget"];

    public CloudResource? Map(IacResource r, IacScope scope) => new Budget
    {
        Id = IacScope.IdOf(r, "name"),
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.Terraform(r),
        BudgetType = IacValue.String(r.Body, "budget_type", Budget.Defaults.BudgetType),
        Notifications = BudgetsCloudFormation.Count(r.Body.Blocks("notification").ToList(),
            n => n.Get("subscriber_email_addresses") ?? n.Get("subscriber_sns_topic_arns")),
    };
}

/// <summary>AWS::Budgets::Budget: its NotificationsWithSubscribers.</summary>
public sealed class BudgetsCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::Budgets::Budget"];

    public CloudResource? Map(IacResource r, IacScope scope)
    {
        var budget = r.Body.Block("Budget");
        return new Budget
        {
            Id = budget?.Get("BudgetName") as string ?? r.Address,
            Provenance = IacScope.Provenance(r),
            BudgetType = IacValue.String(budget, "BudgetType", Budget.Defaults.BudgetType),
            Notifications = r.Body.Get("NotificationsWithSubscribers") is IacUnknown u
                ? Value<int>.Unresolved(u.Expression).From(r.Body.OriginOf("NotificationsWithSubscribers"))
                : Count(r.Body.Blocks("NotificationsWithSubscribers").ToList(), n => n.Get("Subscribers")),
        };
    }

    /// <summary>
    /// The notifications that have subscribers; one whose subscribers are an unresolved expression makes the count
    /// unresolved unless another one already counts.
    /// </summary>
    internal static Value<int> Count(IReadOnlyList<IacBody> notifications, Func<IacBody, object?> subscribers)
    {
        var known = 0;
        string? unresolved = null;
        foreach (var n in notifications)
        {
            switch (subscribers(n))
            {
                case IacUnknown u: unresolved ??= u.Expression; break;
                case List<object?> { Count: 0 }: break;
                case null: break;
                default: known++; break;
            }
        }
        return known == 0 && unresolved is not null ? Value<int>.Unresolved(unresolved) : known;
    }
}
