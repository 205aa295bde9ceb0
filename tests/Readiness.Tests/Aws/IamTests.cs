using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// IAM trust policies, GitHub Actions OIDC trusts, the one definition of "administrator" and the account password
/// policy: judged alike from Terraform, CloudFormation and a live (moto) account, and recorded in the inventory.
/// </summary>
public sealed class IamTests
{
    private const string GitHub = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

    [Theory]
    [InlineData("Terraform/iam")]
    [InlineData("Terraform/iam-hardened")]
    [InlineData("CloudFormation/iam")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public void A_user_in_an_administrators_group_holds_its_policies_through_either_membership_resource()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/iam");
        var cloud = new CloudInventory(scan.Resources);
        IamUser User(string name) => scan.Resources.OfType<IamUser>().Single(u => u.Id == name);
        User("release-bot").Groups.ShouldBe(["aws_iam_group.deployers"]);
        User("backup-bot").Groups.ShouldBe(["deployers"]);
        Readiness.Rules.Catalog.Aws.IamPrivilege.Reasons(User("release-bot"), cloud).ShouldBe(["AdministratorAccess (through group aws_iam_group.deployers)"]);
        Readiness.Rules.Catalog.Aws.IamPrivilege.Reasons(User("backup-bot"), cloud).ShouldBe(["AdministratorAccess (through group deployers)"]);
        Readiness.Rules.Catalog.Aws.IamPrivilege.Reasons(User("reader-bot"), cloud).ShouldBeEmpty();
    }

    [Fact]
    public async Task Live_trusts_administrators_and_password_policy_are_judged_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await IamAsync(http, moto, ("Action", "CreateUser"), ("UserName", "deploy"));
        await IamAsync(http, moto, ("Action", "CreateRole"), ("RoleName", "open-trust"), ("AssumeRolePolicyDocument", Trust("""{"AWS": "*"}""", "")));
        await IamAsync(http, moto, ("Action", "CreateRole"), ("RoleName", "github-any-repo"), ("AssumeRolePolicyDocument",
            Trust($$"""{"Federated": "{{GitHub}}"}""", """, "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}""")));
        await IamAsync(http, moto, ("Action", "CreateRole"), ("RoleName", "github-pinned-prod"), ("AssumeRolePolicyDocument",
            Trust($$"""{"Federated": "{{GitHub}}"}""", """, "Condition": {"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main", "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}""")));
        await IamAsync(http, moto, ("Action", "CreateRole"), ("RoleName", "api-task"), ("AssumeRolePolicyDocument", Trust("""{"Service": "ecs-tasks.amazonaws.com"}""", "")));
        await IamAsync(http, moto, ("Action", "AttachRolePolicy"), ("RoleName", "api-task"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        await IamAsync(http, moto, ("Action", "CreateGroup"), ("GroupName", "operators"));
        await IamAsync(http, moto, ("Action", "AttachGroupPolicy"), ("GroupName", "operators"), ("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        await IamAsync(http, moto, ("Action", "UpdateAccountPasswordPolicy"), ("MinimumPasswordLength", "8"), ("PasswordReusePrevention", "24"));

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Where(g => g.Display().Contains("/iam", StringComparison.Ordinal)).Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region is null).ServicesRead.ShouldContain("iam");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string arn) => findings.For(arn).Select(f => f.RuleId).Where(r => r.StartsWith("RDY250", StringComparison.Ordinal)).Distinct().Order().ToArray();
        Rules("arn:aws:iam::123456789012:role/open-trust").ShouldBe(["RDY2503"]);
        Rules("arn:aws:iam::123456789012:role/github-any-repo").ShouldBe(["RDY2504"]);
        Rules("arn:aws:iam::123456789012:role/github-pinned-prod").ShouldBeEmpty();
        Rules("arn:aws:iam::123456789012:role/api-task").ShouldBe(["RDY2506"]);
        Rules("arn:aws:iam::123456789012:group/operators").ShouldBe(["RDY2505"]);
        findings.For("arn:aws:iam::123456789012:account-password-policy").Select(f => f.RuleId).ShouldBe(["RDY2507"]);

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        var trust = read.Resources.OfType<IamRole>().Single(r => r.Id == "github-pinned-prod").AssumeRolePolicy.Known!.Statements.Single();
        trust.Principals.ShouldBe([new PolicyPrincipal("Federated", GitHub)]);
        trust.Conditions.Single(c => c.Key.EndsWith(":sub", StringComparison.Ordinal)).Values.ShouldBe(["repo:acme/app:ref:refs/heads/main"]);
        var policy = read.Resources.OfType<AccountPasswordPolicy>().Single();
        policy.MinimumPasswordLength.ShouldBe(Value<int>.Of(8));
        policy.PasswordReusePrevention.ShouldBe(Value<int>.Of(24));
        AwsTestSupport.Judge(read.Resources).Select(f => f.RuleId).Where(r => r.StartsWith("RDY250", StringComparison.Ordinal)).Order()
            .ShouldBe(findings.Select(f => f.RuleId).Where(r => r.StartsWith("RDY250", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task A_live_account_without_a_password_policy_is_reported()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await IamAsync(http, moto, ("Action", "CreateUser"), ("UserName", "deploy"));
        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Resources.OfType<AccountPasswordPolicy>().Single().Exists.ShouldBeFalse();
        AwsTestSupport.Judge(collection.Resources).Where(f => f.RuleId == "RDY2507").Select(f => f.Message)
            .ShouldBe(["AWS account 123456789012 has no IAM password policy, so IAM users may set any password of 8 characters and reuse it forever; set a password policy with a minimum length of at least 14 and reuse prevention of 24."]);
    }

    private static string Trust(string principal, string condition) =>
        $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity"], "Principal": {{principal}}{{condition}}}]}""";

    /// <summary>One IAM Query API call; moto routes by the credential scope and does not check the signature.</summary>
    private static async Task IamAsync(HttpClient http, MotoServer moto, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Version", "2010-05-08") };
        form.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, moto.Endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }
}
