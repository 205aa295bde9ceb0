namespace Readiness.Rules.Model.Cloud;

// AWS Budgets: account-wide cost and usage budgets. Absent attributes take the defaults written once in Defaults; every
// source (Terraform, CloudFormation, live, inventory) reads them from there.

/// <summary>An AWS Budgets budget (global: one set per account).</summary>
public sealed record Budget : CloudResource
{
    /// <summary>What AWS applies when the attribute is not set; every source reads the default here.</summary>
    public static class Defaults
    {
        public const string BudgetType = "COST";
        public const int Notifications = 0;
    }

    public override string Service => "budgets";
    public override string Type => "budget";

    /// <summary>"COST", "USAGE", "RI_UTILIZATION", ...</summary>
    public Value<string> BudgetType { get; init; } = Defaults.BudgetType;

    /// <summary>Notifications with subscribers: how many thresholds e-mail or notify an SNS topic.</summary>
    public Value<int> Notifications { get; init; } = Defaults.Notifications;
}
