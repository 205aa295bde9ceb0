using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>Live resources find their definition through Terraform state, plan JSON, the CloudFormation logical-id tag or identifiers.</summary>
public sealed class AwsLinkerTests
{
    private static Provenance Live(string arn, string region = "eu-west-2") => new() { Origin = Origin.AwsLive, Account = "111111111111", Region = region, Arn = arn };

    private static Provenance Code(Origin origin, string file, int line, string address) => new() { Origin = origin, File = file, Line = line, Address = address };

    private static TerraformStateIndex Index()
    {
        var index = new TerraformStateIndex();
        var coverage = new Coverage();
        foreach (var name in new[] { "terraform.tfstate", "plan.json" })
        {
            var file = new SourceFile($"infra/{name}", File.ReadAllText(TestPaths.Fixture($"Aws/linking/{name}")));
            TerraformStateIndex.IsCandidate(file).ShouldBeTrue(name);
            index.Add(file, coverage);
        }
        coverage.Gaps.ShouldBeEmpty();
        return index;
    }

    [Fact]
    public void State_and_plan_addresses_link_live_resources_whose_code_does_not_know_their_name()
    {
        var codeDb = new DbInstance { Id = "aws_db_instance.main", DeletionProtection = Value<bool>.Of(true).From(ValueOrigin.InFile("infra/rds.tf", 11)), Provenance = Code(Origin.Terraform, "infra/rds.tf", 4, "aws_db_instance.main") };
        var liveDb = new DbInstance { Id = "orders-prod", DeletionProtection = false, Provenance = Live("arn:aws:rds:eu-west-2:111111111111:db:orders-prod") };
        var codeSg = new SecurityGroup { Id = "module.network.aws_security_group.web[0]", Provenance = Code(Origin.Terraform, "infra/network/main.tf", 1, "module.network.aws_security_group.web[0]") };
        var liveSg = new SecurityGroup { Id = "sg-0123456789abcdef0", Name = "web-0", Provenance = Live("arn:aws:ec2:eu-west-2:111111111111:security-group/sg-0123456789abcdef0") };
        var codeSecret = new Secret { Id = "module.edge.aws_secretsmanager_secret.api", Provenance = Code(Origin.Terraform, "infra/edge/secrets.tf", 2, "module.edge.aws_secretsmanager_secret.api") };
        var liveSecret = new Secret { Id = "api-key", Name = "api-key", Provenance = Live("arn:aws:secretsmanager:eu-west-2:111111111111:secret:api-key-Zx81Qe") };
        var unmatched = new DbInstance { Id = "hand-made", Provenance = Live("arn:aws:rds:eu-west-2:111111111111:db:hand-made") };

        AwsLinker.Link([codeDb, liveDb, codeSg, liveSg, codeSecret, liveSecret, unmatched], Index()).ShouldBe(3);

        liveDb.Definition.ShouldBeSameAs(codeDb);
        liveSg.Definition.ShouldBeSameAs(codeSg);
        liveSecret.Definition.ShouldBeSameAs(codeSecret);
        liveDb.LocationOf("DeletionProtection").File!.Display().ShouldBe("infra/rds.tf:11");
        liveDb.LocationOf("DeletionProtection").Resource!.Arn.ShouldBe("arn:aws:rds:eu-west-2:111111111111:db:orders-prod");
        unmatched.Definition.ShouldBeNull();
        unmatched.Ref().SyntheticPath().ShouldBe("cloud/aws/111111111111/eu-west-2/rds/db-instance/hand-made");
    }

    [Fact]
    public void The_cloudformation_logical_id_tag_links_to_the_template_resource_and_ambiguity_links_nothing()
    {
        var template = new DbInstance { Id = "OrdersDb", Provenance = Code(Origin.CloudFormation, "stack.yaml", 20, "OrdersDb") };
        var live = new DbInstance
        {
            Id = "stack-ordersdb-1x2y3z",
            Tags = new Dictionary<string, string> { [AwsLinker.LogicalIdTag] = "OrdersDb", ["aws:cloudformation:stack-name"] = "stack" },
            Provenance = Live("arn:aws:rds:eu-west-2:111111111111:db:stack-ordersdb-1x2y3z"),
        };
        var twinA = new Secret { Id = "a", Name = "shared", Provenance = Code(Origin.Terraform, "a.tf", 1, "aws_secretsmanager_secret.a") };
        var twinB = new Secret { Id = "b", Name = "shared", Provenance = Code(Origin.Terraform, "b.tf", 1, "aws_secretsmanager_secret.b") };
        var liveSecret = new Secret { Id = "shared", Name = "shared", Provenance = Live("arn:aws:secretsmanager:eu-west-2:111111111111:secret:shared-AAAAAA") };

        AwsLinker.Link([template, live, twinA, twinB, liveSecret]).ShouldBe(1);
        live.Definition.ShouldBeSameAs(template);
        live.LocationOf().File!.Display().ShouldBe("stack.yaml:20");
        liveSecret.Definition.ShouldBeNull("two definitions could be it: none is chosen");
    }

    [Fact]
    public void A_state_file_that_does_not_parse_is_a_gap_at_its_path()
    {
        var coverage = new Coverage();
        new TerraformStateIndex().Add(new SourceFile("infra/broken.tfstate", "{ \"version\": 4, \"resources\": [ "), coverage);
        coverage.Gaps.ShouldHaveSingleItem().Scope.ShouldBe("infra/broken.tfstate");
    }
}
