using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Tests.Support;

namespace Readiness.Tests.Iac;

/// <summary>
/// The cloud rules judge the model, whatever filled it: these resources are built in memory the way the live AWS
/// source fills them (ARN, account, region, no file), plus unresolved IaC values.
/// </summary>
public class CloudRulesInMemoryTests
{
    private const string Account = "111122223333";

    private static Provenance Live(string arn) => new() { Origin = Origin.AwsLive, Arn = arn, Account = Account, Region = "eu-west-2" };

    private static Provenance Code(string address, int line = 10) =>
        new() { Origin = Origin.Terraform, File = "main.tf", Line = line, Address = address };

    private static List<Finding> Run(params CloudResource[] resources) => IacFixtureVerifier.RunCloudRules(resources).ToList();

    [Fact]
    public void A_live_public_database_is_reported_on_its_arn()
    {
        var arn = $"arn:aws:rds:eu-west-2:{Account}:db:reporting";
        var findings = Run(new DbInstance
        {
            Id = "reporting",
            Provenance = Live(arn),
            PubliclyAccessible = true,
            DeletionProtection = true,
            StorageEncrypted = true,
            BackupRetentionPeriod = 7,
        });
        var finding = findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RDY2001");
        finding.Source.ShouldBe(EvidenceSource.Aws);
        finding.Location.File.ShouldBeNull();
        finding.Location.Resource!.Arn.ShouldBe(arn);
        finding.Message.ShouldBe("RDS DB instance reporting is publicly accessible; turn public accessibility off and reach it only from inside the VPC.");
    }

    [Fact]
    public void An_unresolved_value_is_undecided_at_info_level_naming_the_expression()
    {
        var db = new DbInstance
        {
            Id = "module.rds.aws_db_instance.main",
            Provenance = Code("module.rds.aws_db_instance.main"),
            DeletionProtection = Value<bool>.Unresolved("var.deletion_protection").From(ValueOrigin.InFile("main.tf", 14)),
            StorageEncrypted = true,
            BackupRetentionPeriod = 7,
        };
        var finding = Run(db).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RDY2002");
        finding.Undecided.ShouldBeTrue();
        finding.Severity.ShouldBe(Severity.Info);
        finding.Location.File!.StartLine.ShouldBe(14);
        finding.Message.ShouldContain("'var.deletion_protection'");
    }

    [Fact]
    public void Security_group_rules_judge_port_ranges_and_ipv6()
    {
        var group = new SecurityGroup
        {
            Id = "sg-0123",
            Provenance = Live($"arn:aws:ec2:eu-west-2:{Account}:security-group/sg-0123"),
            Ingress =
            [
                new IngressRule { FromPort = 3000, ToPort = 9000, Sources = ["::/0"] },
                new IngressRule { FromPort = 22, ToPort = 22, Sources = ["10.0.0.0/8"] },
                new IngressRule { Protocol = "icmp", FromPort = -1, ToPort = -1, Sources = ["0.0.0.0/0"] },
            ],
        };
        var findings = Run(group);
        // 3000-9000 covers RDP (3389), PostgreSQL (5432) and the development ports; 22 is open only inside the VPC.
        findings.Select(f => f.RuleId).Order().ShouldBe(["RDY2101", "RDY2102", "RDY2103"]);
        findings.Single(f => f.RuleId == "RDY2101").Message.ShouldContain("port 3389 from the whole internet");
        findings.Single(f => f.RuleId == "RDY2102").Message.ShouldContain("5432");
        findings.Single(f => f.RuleId == "RDY2103").Message.ShouldContain("3000, 3001, 4000, 4200, 5000, 5173, 8000, 8080, 8081, 8888");
    }

    [Fact]
    public void Cloudfront_headers_are_judged_through_the_policy_the_behavior_names()
    {
        var policy = new ResponseHeadersPolicy
        {
            Id = "e1f2",
            Name = "headers",
            Provenance = Live($"arn:aws:cloudfront::{Account}:response-headers-policy/e1f2"),
            HstsEnabled = true,
            FrameOption = "DENY",
        };
        var distribution = new Distribution
        {
            Id = "E123",
            Provenance = Live($"arn:aws:cloudfront::{Account}:distribution/E123"),
            WebAclId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1",
            Behaviors =
            [
                new CacheBehavior { ViewerProtocolPolicy = "redirect-to-https", ResponseHeadersPolicyId = "e1f2" },
                new CacheBehavior { PathPattern = "/api/*", ViewerProtocolPolicy = "https-only", ResponseHeadersPolicyId = "67f7725c-6f97-4210-82d7-5512b31e9d03" },
                new CacheBehavior { PathPattern = "/img/*", ViewerProtocolPolicy = "https-only", ResponseHeadersPolicyId = "not-collected" },
            ],
        };
        var findings = Run(policy, distribution).Where(f => f.RuleId == "RDY2204").ToList();
        findings.Count.ShouldBe(3);
        findings.ShouldContain(f => !f.Undecided && f.Message.Contains("which does not set Content-Security-Policy"));
        findings.ShouldContain(f => !f.Undecided && f.Message.Contains("managed SecurityHeadersPolicy policy, which sends no Content-Security-Policy"));
        findings.ShouldContain(f => f.Undecided && f.Message.Contains("not-collected"));
    }

    [Fact]
    public void A_count_only_rate_rule_does_not_limit_anything()
    {
        var acl = new WebAcl
        {
            Id = "edge",
            Provenance = Live($"arn:aws:wafv2:us-east-1:{Account}:global/webacl/edge/1"),
            LoggingEnabled = true,
            Rules =
            [
                new WafRule { Name = "rate", Kind = WafRuleKind.RateBased, RateLimit = 1000, CountOnly = true },
                new WafRule { Name = "common", Kind = WafRuleKind.ManagedRuleGroup, ManagedVendor = "AWS", ManagedName = "AWSManagedRulesCommonRuleSet" },
            ],
        };
        var finding = Run(acl).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RDY2301");
        finding.Message.ShouldContain("only in count mode");
    }

    [Fact]
    public void Account_wide_controls_stay_silent_unless_the_setting_was_read()
    {
        var notCollected = new AccountSettings { Id = Account, Provenance = Live($"arn:aws:iam::{Account}:root") };
        Run(notCollected).ShouldBeEmpty();

        var read = new AccountSettings
        {
            Id = Account,
            Provenance = Live($"arn:aws:iam::{Account}:root"),
            EbsEncryptionByDefault = false,
            ServicesRead = new HashSet<string> { "cloudtrail" },
        };
        Run(read).Select(f => f.RuleId).Order().ShouldBe(["RDY2701", "RDY2703"]);

        var trail = new Trail { Id = "org", Provenance = Live($"arn:aws:cloudtrail:eu-west-2:{Account}:trail/org"), IsMultiRegion = true };
        Run(read, trail).Select(f => f.RuleId).ShouldBe(["RDY2701"]);
    }

    [Fact]
    public void A_user_with_a_customer_policy_granting_everything_is_an_admin()
    {
        var policy = new IamPolicy
        {
            Id = "arn:aws:iam::111122223333:policy/everything",
            Provenance = Live("arn:aws:iam::111122223333:policy/everything"),
            Document = new PolicyDocument { Statements = [new PolicyStatement { Actions = ["*"], Resources = ["*"] }] },
        };
        var user = new IamUser
        {
            Id = "deployer",
            Provenance = Live("arn:aws:iam::111122223333:user/deployer"),
            AttachedPolicyArns = ["arn:aws:iam::111122223333:policy/everything"],
        };
        Run(policy, user).Select(f => f.RuleId).Order().ShouldBe(["RDY2501", "RDY2502"]);
    }
}
