using System.Globalization;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Aws;

/// <summary>
/// RDS: plaintext connections (parameter groups), public snapshots, engine versions past standard support, and Aurora
/// members judged through their cluster, from Terraform, CloudFormation, a live (moto) account and a recorded inventory.
/// </summary>
public sealed class RdsTests
{
    private static readonly string[] RdsRules = ["RDY2001", "RDY2002", "RDY2003", "RDY2004", "RDY2005", "RDY2006", "RDY2007", "RDY2091"];

    [Theory]
    [InlineData("Terraform/rds")]
    [InlineData("CloudFormation/rds")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public void Plaintext_connections_are_high_on_production_and_medium_elsewhere()
    {
        var findings = IacFixtureVerifier.Scan("Terraform/rds").Findings.Where(f => f.RuleId == "RDY2006" && !f.Undecided).ToList();
        findings.Single(f => f.Location.Resource!.Address == "aws_db_instance.orders").Severity.ShouldBe(Severity.High);
        findings.Single(f => f.Location.Resource!.Address == "aws_db_instance.billing").Severity.ShouldBe(Severity.Medium);
        findings.Single(f => f.Location.Resource!.Address == "aws_rds_cluster.payments").Severity.ShouldBe(Severity.High);
        findings.Single(f => f.Location.Resource!.Address == "aws_rds_cluster.events").Severity.ShouldBe(Severity.Medium);
    }

    [Theory]
    [InlineData("Terraform/rds", "aws_rds_cluster.events", "the default cluster parameter group leaves require_secure_transport off; set require_secure_transport = 1 in a custom DB cluster parameter group attached to the cluster.")]
    [InlineData("Terraform/rds", "aws_rds_cluster.payments", "cluster parameter group aws_rds_cluster_parameter_group.payments leaves require_secure_transport off;")]
    [InlineData("Terraform/rds", "aws_rds_cluster.audit", "cluster parameter group default.aurora-postgresql16 leaves rds.force_ssl off;")]
    [InlineData("CloudFormation/rds", "EventsCluster", "the default cluster parameter group leaves require_secure_transport off; set require_secure_transport = 1 in a custom DB cluster parameter group attached to the cluster.")]
    public void An_aurora_cluster_is_judged_through_its_cluster_parameter_group_and_its_members_are_not(string folder, string address, string message)
    {
        var scan = IacFixtureVerifier.Scan(folder);
        var findings = scan.Findings.Where(f => f.RuleId == "RDY2006").ToList();
        findings.Single(f => f.Location.Resource!.Address == address).Message.ShouldContain(message);
        // Members take TLS from their cluster (ledger's forces it, events' does not): never judged, never reported apart.
        var members = scan.Resources.OfType<DbInstance>().Where(d => d.ClusterId is not null).ToList();
        members.Count.ShouldBeGreaterThan(2);
        members.ShouldAllBe(m => m.TlsRequired == null);
        findings.ShouldNotContain(f => members.Any(m => m.Provenance.Address == f.Location.Resource!.Address));
    }

    [Fact]
    public void Recorded_inventory_reports_exactly_what_expected_yaml_lists()
    {
        var snapshot = AwsInventoryFile.Load(TestPaths.Fixture("Aws/rds/inventory.json"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(TestPaths.Fixture("Aws/rds/expected.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Scalar(YamlNode n) => ((YamlScalarNode)n).Value!;
        var rules = ((YamlSequenceNode)root["rules"]).Children.Select(Scalar).ToHashSet();

        var findings = AwsTestSupport.Judge(snapshot.Resources, At("2026-03-01")).Where(f => rules.Contains(f.RuleId)).ToList();
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Display()} {f.Message}"));
        var actual = findings.GroupBy(f => f.Location.Resource!.Arn!).ToDictionary(g => g.Key, g => g.Select(f => f.RuleId).Order().ToList());
        var wanted = ((YamlMappingNode)root["fail"]).Children.ToDictionary(p => Scalar(p.Key), p => ((YamlSequenceNode)p.Value).Children.Select(Scalar).Order().ToList());
        actual.Keys.Order().ShouldBe(wanted.Keys.Order(), dump);
        foreach (var (arn, ids) in wanted) actual[arn].ShouldBe(ids, $"{arn}\n{dump}");
        foreach (var arn in ((YamlSequenceNode)root["pass"]).Children.Select(Scalar)) actual.ShouldNotContainKey(arn, dump);
        findings.ShouldAllBe(f => f.Message.EndsWith('.'));

        findings.Single(f => f.Location.Resource!.Id == "billing-nightly").Undecided.ShouldBeTrue("attributes that could not be read are undecided, never private");
        findings.Single(f => f.Location.Resource!.Id == "orders-before-migration").Message.ShouldBe(
            "RDS DB snapshot orders-before-migration (of orders-prod) is public: any AWS account can restore it and read the database; remove \"all\" from its restore attribute and share it only with named accounts.");
        findings.Single(f => f.RuleId == "RDY2007").Message.ShouldStartWith(
            "RDS DB instance reports-prod runs postgres 13.12, whose standard support ended on 2026-02-28 (https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html); upgrade");

        // The end date is judged against the scan's clock: the day before, PostgreSQL 13 was still supported.
        AwsTestSupport.Judge(snapshot.Resources, At("2026-02-27")).ShouldNotContain(f => f.RuleId == "RDY2007");
    }

    [Theory]
    [InlineData("Terraform/rds", "aws_rds_cluster.payments", "value = \"OFF\"", "db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.payments.name")]
    [InlineData("Terraform/rds", "aws_rds_cluster.search", "resource \"aws_rds_cluster_parameter_group\" \"search\"", "db_cluster_parameter_group_name = \"search-aurora-postgresql16\"")]
    [InlineData("Terraform/rds", "aws_db_instance.billing", "value = \"0\"", "parameter_group_name    = aws_db_parameter_group.billing.name")]
    [InlineData("CloudFormation/rds", "PaymentsCluster", "Parameters: # Noncompliant RDY2006", "DBClusterParameterGroupName: !Ref PaymentsClusterParameters")]
    public void A_finding_in_a_parameter_group_names_the_attribute_that_attaches_it(string folder, string address, string at, string attachedBy)
    {
        var finding = IacFixtureVerifier.Scan(folder).Findings.Single(f => f.RuleId == "RDY2006" && f.Location.Resource!.Address == address);
        var lines = File.ReadAllLines(TestPaths.Fixture(folder + "/" + Path.GetFileName(finding.Location.File!.Path)));
        lines[finding.Location.File.StartLine - 1].ShouldContain(at);
        var related = finding.Location.Related.ShouldHaveSingleItem();
        lines[related.File.StartLine - 1].ShouldContain(attachedBy);
        related.Message.ShouldBe("Attribute that attaches this parameter group.");
    }

    [Fact]
    public async Task Live_parameter_groups_snapshots_and_clusters_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await MotoCalls.QueryAsync(http, moto, "iam", ("Action", "CreateUser"), ("Version", "2010-05-08"), ("UserName", "deploy"));
        await Rds(http, moto, ("Action", "CreateDBParameterGroup"), ("DBParameterGroupName", "reports-tls"), ("DBParameterGroupFamily", "postgres14"), ("Description", "TLS"));
        await Rds(http, moto, ("Action", "ModifyDBParameterGroup"), ("DBParameterGroupName", "reports-tls"),
            ("Parameters.Parameter.1.ParameterName", "rds.force_ssl"), ("Parameters.Parameter.1.ParameterValue", "1"), ("Parameters.Parameter.1.ApplyMethod", "immediate"));
        await Instance(http, moto, "orders-prod", "postgres", "14.10");
        await Instance(http, moto, "reports-prod", "postgres", "14.10", ("DBParameterGroupName", "reports-tls"));
        await Instance(http, moto, "billing-prod", "mysql", "8.0.35");
        await Rds(http, moto, ("Action", "CreateDBSnapshot"), ("DBInstanceIdentifier", "orders-prod"), ("DBSnapshotIdentifier", "orders-public"));
        await Rds(http, moto, ("Action", "ModifyDBSnapshotAttribute"), ("DBSnapshotIdentifier", "orders-public"), ("AttributeName", "restore"), ("ValuesToAdd.AttributeValue.1", "all"));
        await Rds(http, moto, ("Action", "CreateDBSnapshot"), ("DBInstanceIdentifier", "orders-prod"), ("DBSnapshotIdentifier", "orders-audit"));
        await Rds(http, moto, ("Action", "ModifyDBSnapshotAttribute"), ("DBSnapshotIdentifier", "orders-audit"), ("AttributeName", "restore"), ("ValuesToAdd.AttributeValue.1", "222222222222"));
        // Aurora: TLS lives in the cluster parameter group. ledger-prod's forces it; events-prod is on the default group.
        await ClusterParameterGroup(http, moto, "ledger-tls", "aurora-postgresql16", ("rds.force_ssl", "1"));
        await Cluster(http, moto, "ledger-prod", "aurora-postgresql", "16.4", ("DBClusterParameterGroupName", "ledger-tls"));
        await Cluster(http, moto, "events-prod", "aurora-mysql", "8.0.mysql_aurora.3.08.0");
        // moto reports the member's own deletion protection as off, as AWS does: it is the cluster's setting.
        await Rds(http, moto, ("Action", "CreateDBInstance"), ("DBInstanceIdentifier", "ledger-prod-1"), ("DBClusterIdentifier", "ledger-prod"),
            ("Engine", "aurora-postgresql"), ("DBInstanceClass", "db.r6g.large"));
        await Rds(http, moto, ("Action", "CreateDBClusterSnapshot"), ("DBClusterIdentifier", "ledger-prod"), ("DBClusterSnapshotIdentifier", "ledger-export"));
        await Rds(http, moto, ("Action", "ModifyDBClusterSnapshotAttribute"), ("DBClusterSnapshotIdentifier", "ledger-export"), ("AttributeName", "restore"), ("ValuesToAdd.AttributeValue.1", "all"));

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("rds");

        // Judged on a fixed day after MySQL 8.0 left standard support (2026-07-31).
        var findings = AwsTestSupport.Judge(collection.Resources, At("2026-12-01"));
        string[] Rules(string arn) => findings.For(arn).Select(f => f.RuleId).Where(RdsRules.Contains).Distinct().Order().ToArray();
        const string Arn = "arn:aws:rds:us-east-1:123456789012:";
        Rules(Arn + "db:orders-prod").ShouldBe(["RDY2006"]);
        Rules(Arn + "db:reports-prod").ShouldBeEmpty();
        Rules(Arn + "db:billing-prod").ShouldBe(["RDY2006", "RDY2007"]);
        Rules(Arn + "snapshot:orders-public").ShouldBe(["RDY2091"]);
        Rules(Arn + "snapshot:orders-audit").ShouldBeEmpty();
        Rules(Arn + "cluster-snapshot:ledger-export").ShouldBe(["RDY2091"]);
        Rules(Arn + "cluster:ledger-prod").ShouldBeEmpty();
        Rules(Arn + "db:ledger-prod-1").ShouldBeEmpty();
        Rules(Arn + "cluster:events-prod").ShouldBe(["RDY2006"]);
        findings.For(Arn + "db:orders-prod").Single(f => f.RuleId == "RDY2006").Message.ShouldBe(
            "RDS DB instance orders-prod accepts plaintext connections: parameter group default.postgres14 leaves rds.force_ssl off; set rds.force_ssl = 1 in a custom DB parameter group attached to the instance.");
        var events = findings.For(Arn + "cluster:events-prod").Single(f => f.RuleId == "RDY2006");
        events.Severity.ShouldBe(Severity.High);
        events.Message.ShouldStartWith("RDS DB cluster events-prod accepts plaintext connections: cluster parameter group default.");
        events.Message.ShouldEndWith("leaves require_secure_transport off; set require_secure_transport = 1 in a custom DB cluster parameter group attached to the cluster.");

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        var reports = read.Resources.OfType<DbInstance>().Single(d => d.Id == "reports-prod");
        reports.TlsRequired.ShouldBe(Value<bool>.Of(true));
        reports.ParameterGroup.ShouldBe(Value<string?>.Of("reports-tls"));
        reports.EngineVersion.ShouldBe(Value<string?>.Of("14.10"));
        read.Resources.OfType<DbInstance>().Single(d => d.Id == "ledger-prod-1").ClusterId.ShouldBe("ledger-prod");
        var ledger = read.Resources.OfType<DbInstance>().Single(d => d.Id == "ledger-prod");
        ledger.TlsRequired.ShouldBe(Value<bool>.Of(true));
        ledger.ParameterGroup.ShouldBe(Value<string?>.Of("ledger-tls"));
        read.Resources.OfType<DbInstance>().Single(d => d.Id == "ledger-prod-1").TlsRequired.ShouldBeNull("a member takes TLS from its cluster");
        var audit = read.Resources.OfType<DbSnapshot>().Single(s => s.Id == "orders-audit");
        audit.Public.ShouldBe(Value<bool>.Of(false));
        audit.SharedWith.ShouldBe(["222222222222"]);
        AwsTestSupport.Judge(read.Resources, At("2026-12-01")).Count(f => RdsRules.Contains(f.RuleId)).ShouldBe(findings.Count(f => RdsRules.Contains(f.RuleId)));
    }

    [Fact]
    public async Task Cluster_parameters_follow_their_pages_and_a_denied_read_is_a_gap_that_leaves_tls_undecided()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await MotoCalls.QueryAsync(http, moto, "iam", ("Action", "CreateUser"), ("Version", "2010-05-08"), ("UserName", "deploy"));
        // The group exists for the cluster to name it; its parameters are answered below.
        await ClusterParameterGroup(http, moto, "ledger-tls", "aurora-postgresql16");
        await Cluster(http, moto, "ledger-prod", "aurora-postgresql", "16.4", ("DBClusterParameterGroupName", "ledger-tls"));
        await Cluster(http, moto, "events-prod", "aurora-mysql", "8.0.mysql_aurora.3.08.0");
        const string Ns = "http://rds.amazonaws.com/doc/2014-10-31/";
        const string Arn = "arn:aws:rds:us-east-1:123456789012:cluster:";

        // Two pages: the parameter is on the second.
        await using (var paged = await FakeAws.StartAsync(upstream: moto.Endpoint))
        {
            paged.On("rds:DescribeDBClusterParameters",
                FakeAnswer.Xml($"""<DescribeDBClusterParametersResponse xmlns="{Ns}"><DescribeDBClusterParametersResult><Parameters><Parameter><ParameterName>log_min_duration_statement</ParameterName><ParameterValue>500</ParameterValue></Parameter></Parameters><Marker>page-2</Marker></DescribeDBClusterParametersResult></DescribeDBClusterParametersResponse>"""),
                FakeAnswer.Xml($"""<DescribeDBClusterParametersResponse xmlns="{Ns}"><DescribeDBClusterParametersResult><Parameters><Parameter><ParameterName>rds.force_ssl</ParameterName><ParameterValue>1</ParameterValue></Parameter></Parameters></DescribeDBClusterParametersResult></DescribeDBClusterParametersResponse>"""));
            var collection = await new AwsCollector(AwsTestSupport.Options(paged.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
            collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
            // One custom group, two pages; the default group (events-prod's) cannot be modified and is not read.
            paged.Count("rds:DescribeDBClusterParameters").ShouldBe(2);
            paged.Requests.Where(r => r.Operation == "rds:DescribeDBClusterParameters").ShouldAllBe(r => r.Body.Contains("DBClusterParameterGroupName=ledger-tls"));
            paged.Requests.Last(r => r.Operation == "rds:DescribeDBClusterParameters").Body.ShouldContain("Marker=page-2");
            var clusters = collection.Resources.OfType<DbInstance>().Where(d => d.IsCluster).ToDictionary(d => d.Id);
            clusters["ledger-prod"].TlsRequired.ShouldBe(Value<bool>.Of(true));
            clusters["events-prod"].TlsRequired.ShouldBe(Value<bool>.Of(false));
        }

        // Denied: a gap naming the call and the permission, and TLS undecided on every cluster, never a pass or a fail.
        await using var denying = await FakeAws.StartAsync(upstream: moto.Endpoint);
        denying.On("rds:DescribeDBClusterParameters", FakeAnswer.Xml($"""<ErrorResponse xmlns="{Ns}"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: rds:DescribeDBClusterParameters</Message></Error><RequestId>r</RequestId></ErrorResponse>""", 403));
        var denied = await new AwsCollector(AwsTestSupport.Options(denying.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        denied.Coverage.Gaps.Select(g => g.Display()).ShouldContain(g => g.Contains("aws/123456789012/us-east-1/rds") && g.Contains("DescribeDBClusterParameters failed: access denied (AccessDenied)"));
        var tls = AwsTestSupport.Judge(denied.Resources).Where(f => f.RuleId == "RDY2006").ToList();
        tls.Select(f => f.Location.Resource!.Arn).Order().ShouldBe([Arn + "events-prod", Arn + "ledger-prod"]);
        tls.ShouldAllBe(f => f.Undecided);
    }

    private static DateTimeOffset At(string day) => DateTimeOffset.Parse(day + "T00:00:00Z", CultureInfo.InvariantCulture);

    private static Task Instance(HttpClient http, MotoServer moto, string id, string engine, string version, params (string Name, string Value)[] extra) =>
        Rds(http, moto, [("Action", "CreateDBInstance"), ("DBInstanceIdentifier", id), ("Engine", engine), ("EngineVersion", version),
            ("DBInstanceClass", "db.t4g.medium"), ("AllocatedStorage", "20"), ("MasterUsername", "app"), ("MasterUserPassword", "a-long-enough-password"),
            ("StorageEncrypted", "true"), ("DeletionProtection", "true"), ("BackupRetentionPeriod", "7"), ("MultiAZ", "true"), .. extra]);

    private static async Task ClusterParameterGroup(HttpClient http, MotoServer moto, string name, string family, params (string Name, string Value)[] parameters)
    {
        await Rds(http, moto, ("Action", "CreateDBClusterParameterGroup"), ("DBClusterParameterGroupName", name), ("DBParameterGroupFamily", family), ("Description", "TLS"));
        if (parameters.Length == 0) return;
        await Rds(http, moto, [("Action", "ModifyDBClusterParameterGroup"), ("DBClusterParameterGroupName", name),
            .. parameters.SelectMany((p, i) => new[] { ($"Parameters.Parameter.{i + 1}.ParameterName", p.Name), ($"Parameters.Parameter.{i + 1}.ParameterValue", p.Value), ($"Parameters.Parameter.{i + 1}.ApplyMethod", "immediate") })]);
    }

    private static Task Cluster(HttpClient http, MotoServer moto, string id, string engine, string version, params (string Name, string Value)[] extra) =>
        Rds(http, moto, [("Action", "CreateDBCluster"), ("DBClusterIdentifier", id), ("Engine", engine), ("EngineVersion", version),
            ("MasterUsername", "app"), ("MasterUserPassword", "a-long-enough-password"), ("StorageEncrypted", "true"), ("DeletionProtection", "true"),
            ("BackupRetentionPeriod", "7"), .. extra]);

    private static Task Rds(HttpClient http, MotoServer moto, params (string Name, string Value)[] parameters) =>
        MotoCalls.QueryAsync(http, moto, "rds", [.. parameters, ("Version", "2014-10-31")]);
}
