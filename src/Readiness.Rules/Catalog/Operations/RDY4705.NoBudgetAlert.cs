using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Operations;

/// <summary>
/// No AWS Budget with a notification: judged per Terraform root or template that runs production workloads, and per
/// live account that runs workloads when its budgets were read (Budgets needs the management account or a grant, so an
/// unread account is a gap, never "no budget").
/// </summary>
public sealed class NoBudgetAlert : EvidenceRule
{
    public override IEnumerable<Finding> Check(Evidence evidence, RuleContext context)
    {
        var budgets = evidence.Cloud.OfType<Budget>().ToLookup(Stacks.AccountOf);
        var productionOnly = context.Bool("production_only");
        var stacks = evidence.Cloud.Resources
            .Where(r => Stacks.IsWorkload(r) && (r.Provenance.IsLive ? Stacks.WasRead(evidence.Cloud, r.Provenance.Account, null, "budgets") : !productionOnly || CloudJudge.IsProduction(r)))
            .GroupBy(Stacks.AccountOf);
        foreach (var stack in stacks.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var declared = budgets[stack.Key].ToList();
            if (declared.Any(b => b.Notifications is { IsKnown: true, Known: > 0 })) continue;
            if (declared.FirstOrDefault(b => !b.Notifications.IsKnown) is { } unresolved)
            {
                yield return context.Undecided(unresolved, nameof(Budget.Notifications), unresolved.Notifications.Expression, "notifies anyone");
                continue;
            }
            if (declared.Count > 0)
            {
                var budget = declared[0];
                yield return context.OnResource(budget, $"Budget {budget.DisplayName} has no notification, so nobody hears when spend passes it; add a notification with an e-mail or SNS subscriber (for example at 80% of the limit, actual and forecasted).", nameof(Budget.Notifications));
                continue;
            }
            // The anchor: a workload the root itself declares before one of a child module, then by file and line.
            var first = stack.OrderBy(r => r.Provenance.Address?.StartsWith("module.", StringComparison.Ordinal) == true)
                .ThenBy(r => r.Provenance.File, StringComparer.Ordinal).ThenBy(r => r.Provenance.Line).ThenBy(r => r.Id, StringComparer.Ordinal).First();
            if (first.Provenance.IsLive)
            {
                var account = evidence.Cloud.OfType<AccountSettings>().First(a => a.Provenance is { IsLive: true, Region: null } && a.Provenance.Account == first.Provenance.Account);
                yield return context.OnResource(account, $"Account {first.Provenance.Account} runs {first.Type} {first.Id}{(stack.Count() > 1 ? $" and {stack.Count() - 1} other workloads" : "")} but has no AWS Budget with a notification; create a monthly cost budget that e-mails the team at 80% of the expected spend, so runaway or fraudulent spend is noticed within days.", fingerprintKey: "no-budget");
            }
            else
            {
                yield return context.OnResource(first, $"{Stacks.Describe(first)} runs production workloads such as {first.DisplayName} but declares no AWS Budget with a notification; add an aws_budgets_budget (CloudFormation: AWS::Budgets::Budget) that e-mails the team at 80% of the expected monthly spend, or suppress this where budgets are managed in another stack.", fingerprintKey: "no-budget");
            }
        }
    }
}
