using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws;
using Readiness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Readiness.Tests.Aws;

/// <summary>ACM certificates: weak keys from Terraform and CloudFormation; expiry, validation and signatures from a live (moto) account and a recorded inventory.</summary>
public sealed class AcmTests
{
    private static readonly string[] AcmRules = ["RDY4510", "RDY4511", "RDY4512"];

    [Theory]
    [InlineData("Terraform/acm")]
    [InlineData("CloudFormation/acm")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Fact]
    public void Recorded_certificates_report_exactly_what_expected_yaml_lists()
    {
        var snapshot = AwsInventoryFile.Load(TestPaths.Fixture("Aws/acm/inventory.json"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(TestPaths.Fixture("Aws/acm/expected.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Scalar(YamlNode n) => ((YamlScalarNode)n).Value!;
        var rules = ((YamlSequenceNode)root["rules"]).Children.Select(Scalar).ToHashSet();

        // Judged a year later: ages are measured when the account was observed, not when the inventory is read.
        var findings = AwsTestSupport.Judge(snapshot.Resources, DateTimeOffset.Parse("2027-06-01T00:00:00Z", CultureInfo.InvariantCulture)).Where(f => rules.Contains(f.RuleId)).ToList();
        var dump = string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location.Display()} {f.Message}"));
        var actual = findings.GroupBy(f => f.Location.Resource!.Arn!).ToDictionary(g => g.Key, g => g.Select(f => f.RuleId).Order().ToList());
        var wanted = ((YamlMappingNode)root["fail"]).Children.ToDictionary(p => Scalar(p.Key), p => ((YamlSequenceNode)p.Value).Children.Select(Scalar).Order().ToList());
        actual.Keys.Order().ShouldBe(wanted.Keys.Order(), dump);
        foreach (var (arn, ids) in wanted) actual[arn].ShouldBe(ids, $"{arn}\n{dump}");
        foreach (var arn in ((YamlSequenceNode)root["pass"]).Children.Select(Scalar)) actual.ShouldNotContainKey(arn, dump);
        findings.Single(f => f.RuleId == "RDY4510" && f.Location.Resource!.Id == "expiring").Message.ShouldBe(
            "ACM certificate shop.example.com expires on 2026-06-12, in 11 days (limit 30) and is served by arn:aws:elasticloadbalancing:eu-west-2:111111111111:loadbalancer/app/shop/1234567890abcdef; fix its DNS validation so ACM renews it, or request a new certificate and switch its listeners and distributions to it.");
    }

    [Fact]
    public async Task Live_certificates_are_judged_by_arn_and_round_trip_through_the_inventory()
    {
        await using var moto = await MotoServer.StartAsync();
        using var http = new HttpClient();
        await MotoCalls.QueryAsync(http, moto, "iam", ("Action", "CreateUser"), ("Version", "2010-05-08"), ("UserName", "deploy"));
        // .NET cannot sign with SHA-1, so the signature check is proven on the recorded inventory above.
        var weak = await ImportAsync(http, moto, "weak.example.com", 1024, HashAlgorithmName.SHA256, TimeSpan.FromDays(10));
        var good = await ImportAsync(http, moto, "example.com", 2048, HashAlgorithmName.SHA256, TimeSpan.FromDays(365));
        var pending = (await MotoCalls.JsonAsync(http, moto, "acm", "CertificateManager.RequestCertificate",
            """{"DomainName":"pending.example.com","ValidationMethod":"DNS"}""")).GetProperty("CertificateArn").GetString()!;

        var collection = await new AwsCollector(AwsTestSupport.Options(moto.Endpoint, "us-east-1"), http).CollectAsync(CancellationToken.None);
        collection.Coverage.Gaps.Select(g => g.Display()).ShouldBeEmpty();
        collection.Resources.OfType<AccountSettings>().Single(s => s.Provenance.Region == "us-east-1").ServicesRead.ShouldContain("acm");

        var findings = AwsTestSupport.Judge(collection.Resources);
        string[] Rules(string arn) => findings.For(arn).Select(f => f.RuleId).Where(AcmRules.Contains).Distinct().Order().ToArray();
        Rules(weak).ShouldBe(["RDY4510", "RDY4512"]);
        findings.For(weak).Single(f => f.RuleId == "RDY4512").Message.ShouldContain("RSA_1024");
        Rules(good).ShouldBeEmpty();
        Rules(pending).ShouldBe(["RDY4511"]);

        var read = AwsInventoryFile.Deserialize(AwsInventoryFile.Serialize(new AwsInventoryFile.Snapshot { Resources = collection.Resources }), "memory");
        var certificate = read.Resources.OfType<Certificate>().Single(c => c.Provenance.Arn == weak);
        certificate.KeyAlgorithm.ShouldBe(Value<string>.Of("RSA_1024"));
        certificate.NotAfter.ShouldNotBeNull();
        AwsTestSupport.Judge(read.Resources).Count(f => AcmRules.Contains(f.RuleId)).ShouldBe(findings.Count(f => AcmRules.Contains(f.RuleId)));
    }

    /// <summary>Imports a self-signed certificate made here, so its key size, signature and expiry are the test's choice.</summary>
    private static async Task<string> ImportAsync(HttpClient http, MotoServer moto, string domain, int bits, HashAlgorithmName hash, TimeSpan validFor)
    {
        using var rsa = RSA.Create(bits);
        var request = new CertificateRequest($"CN={domain}", rsa, hash, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.Add(validFor));
        var body = JsonSerializer.Serialize(new
        {
            Certificate = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem())),
            PrivateKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem())),
        });
        return (await MotoCalls.JsonAsync(http, moto, "acm", "CertificateManager.ImportCertificate", body)).GetProperty("CertificateArn").GetString()!;
    }
}
