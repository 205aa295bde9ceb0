using System.Text.Json;
using Readiness.Runner.Results;
using Readiness.Tests.Aws;

namespace Readiness.Tests.Org;

/// <summary>An organisation on moto (seed_org.py, three members, team-00 under "prod" and team-01 under "prod-eu" nested in it), not scanned yet.</summary>
public sealed class SeededOrg : IAsyncLifetime
{
    public MotoServer Server { get; private set; } = null!;
    public JsonElement Seeded { get; private set; }
    public DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory("readiness-org-scope-");

    public string Endpoint => Server.Endpoint.ToString();
    public string Management => Seeded.GetProperty("management").GetString()!;
    public string Prod => Seeded.GetProperty("ou").GetString()!;
    public string Id(string name) => Seeded.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    public async Task InitializeAsync()
    {
        Server = await MotoServer.StartAsync(awsManagedPolicies: false);
        Seeded = await OrgMoto.Seed(Server.Endpoint, OrgMoto.Members);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Work.Delete(recursive: true);
    }
}

/// <summary>
/// Which accounts `accounts` and `scan --aws --org` pick (--include/--exclude globs, --ou with nested units), the table
/// a person reads, how many accounts a scan reads at once (--max-accounts), and an account whose role cannot be assumed.
/// </summary>
public sealed class OrgScopeTests(SeededOrg org) : IClassFixture<SeededOrg>
{
    private string[] Listed(params string[] filters)
    {
        var run = OrgMoto.Readiness(["accounts", "--org", "--endpoint-url", org.Endpoint, "--format", "json", .. filters]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray();
    }

    [Fact]
    public void The_table_lists_each_account_with_its_name_and_role()
    {
        var run = OrgMoto.Readiness("accounts", "--org", "--endpoint-url", org.Endpoint);
        run.ExitCode.ShouldBe(0, run.Stderr);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("ACCOUNT       NAME     ROLE");
        lines[^1].ShouldBe("4 accounts.");
        var rows = lines[1..^1];
        rows.Length.ShouldBe(4);
        rows.ShouldContain($"{org.Id("team-00")}  team-00  arn:aws:iam::{org.Id("team-00")}:role/readiness-audit");
        rows.Select(r => r[..12]).ShouldBe(rows.Select(r => r[..12]).Order(StringComparer.Ordinal), "ordered by account id");
        // The management account is named "master" by moto: the columns line up whatever the names.
        rows.ShouldAllBe(r => r.IndexOf("  arn:aws:iam::", StringComparison.Ordinal) == lines[0].IndexOf("ROLE", StringComparison.Ordinal) - 2);

        var named = OrgMoto.Readiness("accounts", "--org", "--endpoint-url", org.Endpoint, "--format", "table", "--role-name", "audit", "--include", "team-02");
        named.Stdout.ShouldBe($"ACCOUNT       NAME     ROLE\n{org.Id("team-02")}  team-02  arn:aws:iam::{org.Id("team-02")}:role/audit\n1 account.\n");
    }

    [Fact]
    public void Include_and_exclude_globs_match_the_id_or_the_name_in_any_case()
    {
        Listed("--include", "team-0*", "--exclude", "team-01").ShouldBe(["team-00", "team-02"], ignoreOrder: true);
        Listed("--include", "TEAM-0?").Length.ShouldBe(3);
        Listed("--include", org.Id("team-01")).ShouldBe(["team-01"]);
        Listed("--include", org.Id("team-01")[..6] + "*", "--include", "team-02").ShouldContain("team-02");
        Listed("--exclude", "team-*").Length.ShouldBe(1, "only the management account is left");

        var none = OrgMoto.Readiness("accounts", "--org", "--endpoint-url", org.Endpoint, "--exclude", "*");
        none.ExitCode.ShouldBe(2);
        none.Stderr.ShouldContain("the organization lists no active account matching --include, --exclude and --ou.");
    }

    [Fact]
    public void Ou_lists_the_accounts_of_the_unit_and_of_the_units_nested_in_it()
    {
        Listed("--ou", org.Prod).ShouldBe(["team-00", "team-01"], ignoreOrder: true);
        Listed("--ou", org.Prod, "--exclude", "team-00").ShouldBe(["team-01"]);
        var unknown = OrgMoto.Readiness("accounts", "--org", "--endpoint-url", org.Endpoint, "--ou", "ou-none-00000000");
        unknown.ExitCode.ShouldBe(2, "an unknown unit is an error, never an empty organisation that passes");
        unknown.Stderr.ShouldContain("organizations ListAccountsForParent failed (ParentNotFoundException)");
    }

    [Fact]
    public async Task An_account_whose_role_cannot_be_assumed_is_a_gap_and_an_account_row_and_the_verdict_is_incomplete()
    {
        var denied = org.Id("team-02");
        var output = Path.Combine(org.Work.FullName, "denied");
        await using var proxy = await CountingEndpoint.StartAsync(org.Server.Endpoint, refuseAssumeRoleInto: denied);
        var run = await Task.Run(() => OrgMoto.Readiness("scan", OrgMoto.App, "--aws", "--org", "--endpoint-url", proxy.Endpoint.ToString(), "--regions", "us-east-1",
            "--include-account", "team-00", "--include-account", "team-02", "--format", "json,md", "--output-dir", output));

        run.ExitCode.ShouldBe(2, run.Stdout + run.Stderr);
        run.Stdout.ShouldContain("INCOMPLETE");
        var role = $"arn:aws:iam::{denied}:role/readiness-audit";
        run.Stdout.ShouldContain($"aws/{role}/sts: Could not assume the role: AccessDenied");

        var result = ResultsJson.Read(File.ReadAllText(Path.Combine(output, "results.json")));
        result.Verdict.Status.ShouldBe(VerdictStatus.Incomplete);
        result.Accounts!.Select(a => (a.Name, a.Status)).ShouldBe([("team-00", AccountStatus.Scanned), ("team-02", AccountStatus.RoleNotAssumed)], ignoreOrder: true);
        result.Accounts!.Single(a => a.Id == denied).Role.ShouldBe(role);
        result.Coverage.Gaps.ShouldHaveSingleItem().Scope.ShouldBe($"aws/{role}/sts");
        result.Findings.ShouldContain(f => f.Finding.Location.Resource != null && f.Finding.Location.Resource.Account == org.Id("team-00"), "the other account is still scanned");
        result.Findings.ShouldNotContain(f => f.Finding.Location.Resource != null && f.Finding.Location.Resource.Account == denied);
        File.ReadAllText(Path.Combine(output, "summary.md")).ShouldContain($"| {denied} (team-02) | role not assumed | 0 | 0 | 0 | 1 |");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Max_accounts_bounds_how_many_accounts_are_read_at_once(int most)
    {
        var output = Path.Combine(org.Work.FullName, $"bounded-{most}");
        await using var proxy = await CountingEndpoint.StartAsync(org.Server.Endpoint);
        var run = await Task.Run(() => OrgMoto.Readiness("scan", OrgMoto.App, "--aws", "--org", "--endpoint-url", proxy.Endpoint.ToString(), "--regions", "us-east-1",
            "--max-accounts", most.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json", "--output-dir", output));

        run.ExitCode.ShouldBe(1, run.Stdout + run.Stderr);
        proxy.Accounts.Count.ShouldBe(OrgMoto.Members + 1, "every account was read through the proxy");
        // Four accounts and fewer slots: the first ones start together, and never more than the bound are read at once.
        proxy.MostAccountsInFlight().ShouldBe(most);
    }
}
