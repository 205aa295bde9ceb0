using System.Text.Json.Nodes;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

public interface IBudgetsClient
{
    Task<IReadOnlyList<Budget>> DescribeBudgetsAsync(string account, CancellationToken ct);
}

/// <summary>
/// AWS Budgets over JSON 1.1 (global, us-east-1): DescribeBudgets paged by NextToken, then
/// DescribeNotificationsForBudget per budget. Budgets answers NotFoundException for an account without budgets.
/// </summary>
public sealed class BudgetsClient(AwsSession session) : IBudgetsClient
{
    private readonly JsonProtocol json = new(session, "budgets", "budgets", "AWSBudgetServiceGateway", global: true);

    public async Task<IReadOnlyList<Budget>> DescribeBudgetsAsync(string account, CancellationToken ct)
    {
        var budgets = new List<Budget>();
        try
        {
            await foreach (var page in json.PagesAsync(AwsSession.GlobalRegion, "DescribeBudgets", new JsonObject { ["AccountId"] = account, ["MaxResults"] = 100 }, "NextToken", ct, items: "Budgets").ConfigureAwait(false))
            {
                foreach (var b in page.Arr("Budgets"))
                {
                    var name = b.Str("BudgetName")!;
                    budgets.Add(new Budget
                    {
                        Id = name,
                        BudgetType = b.Str("BudgetType") ?? Budget.Defaults.BudgetType,
                        Notifications = await NotificationsAsync(account, name, ct).ConfigureAwait(false),
                        Provenance = new Provenance { Origin = Origin.AwsLive, ObservedAt = DateTimeOffset.UtcNow, Account = account, Arn = $"arn:aws:budgets::{account}:budget/{name}" },
                    });
                }
            }
        }
        catch (AwsCallException e) when (e.Code == "NotFoundException" && budgets.Count == 0)
        {
            return [];
        }
        return budgets;
    }

    private async Task<int> NotificationsAsync(string account, string budget, CancellationToken ct)
    {
        var count = 0;
        try
        {
            await foreach (var page in json.PagesAsync(AwsSession.GlobalRegion, "DescribeNotificationsForBudget",
                new JsonObject { ["AccountId"] = account, ["BudgetName"] = budget, ["MaxResults"] = 100 }, "NextToken", ct, items: "Notifications").ConfigureAwait(false))
                count += page.Arr("Notifications").Count();
        }
        catch (AwsCallException e) when (e.Code == "NotFoundException")
        {
            return 0;
        }
        return count;
    }
}

/// <summary>The account's budgets (a global service).</summary>
public sealed class BudgetsCollector : ILiveCollector
{
    public string Service => "budgets";
    public bool IsGlobal => true;

    public async Task<IReadOnlyList<CloudResource>> CollectAsync(AwsSession session, string account, string region, CancellationToken ct) =>
        [.. await new BudgetsClient(session).DescribeBudgetsAsync(account, ct).ConfigureAwait(false)];
}
