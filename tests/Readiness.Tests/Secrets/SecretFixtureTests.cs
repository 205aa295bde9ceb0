using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Secrets;
using Readiness.Rules.Text;
using Readiness.Tests.Support;

namespace Readiness.Tests.Secrets;

/// <summary>Annotated fixtures per file type, verified against the six secret rules.</summary>
public class SecretFixtureTests
{
    private static readonly string[] SecretRules = ["RDY1001", "RDY1002", "RDY1003", "RDY1004", "RDY1005", "RDY1006"];

    [Theory]
    [InlineData("Secrets/env/.env.production")]
    [InlineData("Secrets/env/.env")]
    [InlineData("Secrets/env/.env.example")]
    [InlineData("Secrets/app/config.py")]
    [InlineData("Secrets/web/server.js")]
    [InlineData("Secrets/web/config.ts")]
    [InlineData("Secrets/api/Program.cs")]
    [InlineData("Secrets/deploy/values-prod.yaml")]
    [InlineData("Secrets/deploy/push.sh")]
    [InlineData("Secrets/deploy/docker-compose.yml")]
    [InlineData("Secrets/deploy/smoke.sh")]
    [InlineData("Secrets/sam/template.yaml")]
    [InlineData("Secrets/config/application.properties")]
    [InlineData("Secrets/config/services.yaml")]
    [InlineData("Secrets/keys/deploy_key")]
    [InlineData("Secrets/keys/server.key")]
    [InlineData("Secrets/gcp/service-account.json")]
    [InlineData("Secrets/aspnet/appsettings.Production.json")]
    [InlineData("Secrets/tests/test_login.py")]
    [InlineData("Secrets/docs/setup.md")]
    [InlineData("Secrets/infra/terraform.tfvars")]
    [InlineData("Secrets/infra/main.tf")]
    [InlineData("Secrets/infra/variables.tf")]
    [InlineData("Secrets/infra/providers.tf")]
    public void Fixture_matches_annotations(string fixture) => FixtureVerifier.Verify(fixture, SecretRules);

    [Fact]
    public void Aws_key_id_and_secret_near_each_other_are_one_critical_finding()
    {
        var id = "AKIA" + "Q3EGRWZT5B7KX2VN";
        var secret = "h7Yq0Lk2" + "Zp9sWx4RvT1bNc8Md3Fg6Je5Ua0Io7Py";
        var file = new SourceFile("deploy/credentials", $"[default]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\n");
        var finding = Run(file, "RDY1001").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Properties["detector"].ShouldBe("aws-access-key-pair");
        finding.Properties["accessKeyIdHmac"].Length.ShouldBe(64);
        finding.Location.File!.StartLine.ShouldBe(3);
        (finding.Message + finding.Snippet).ShouldNotContain(secret);
        (finding.Message + finding.Snippet).ShouldNotContain(id);
    }

    [Theory]
    [InlineData("PAYPAL_CLIENT_ID", "A", "PAYPAL_CLIENT_SECRET", "E", "paypal-rest-client-secret", "client ID")]
    [InlineData("MJ_APIKEY_PUBLIC", "", "MJ_APIKEY_PRIVATE", "", "mailjet-secret-key", "API key")]
    public void A_secret_beside_the_identifier_that_completes_it_is_one_critical_finding(string idName, string idPrefix, string secretName, string secretPrefix, string detector, string pairName)
    {
        // PayPal: a letter and 79 base64url characters; Mailjet: 32 hex.
        var alphabet = idPrefix.Length == 0 ? "0123456789abcdef" : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        string Random(int seed, string prefix) => prefix + new string(new Random(seed).GetItems(alphabet.ToCharArray(), prefix.Length == 0 ? 32 : 79));
        var id = Random(1, idPrefix);
        var secret = Random(2, secretPrefix);
        var paired = Run(new SourceFile("app/.env", $"{idName}={id}\nLOG_LEVEL=info\n{secretName}={secret}\n"), "RDY1001").ShouldHaveSingleItem();
        paired.Severity.ShouldBe(Severity.Critical);
        paired.Properties["detector"].ShouldBe(detector);
        paired.Properties["pairedIdHmac"].Length.ShouldBe(64);
        paired.Properties["pairedIdLine"].ShouldBe("1");
        paired.Location.File!.StartLine.ShouldBe(3);
        paired.Message.ShouldContain($"and its {pairName} ({Redaction.Preview(id)})");
        (paired.Message + paired.Snippet + string.Join("", paired.Properties.Values)).ShouldNotContain(secret);
        (paired.Message + paired.Snippet + string.Join("", paired.Properties.Values)).ShouldNotContain(id);

        var alone = Run(new SourceFile("app/.env", $"{secretName}={secret}\n"), "RDY1001").ShouldHaveSingleItem();
        alone.Severity.ShouldBe(Severity.High);
        alone.Properties.ContainsKey("pairedIdHmac").ShouldBeFalse();
        Run(new SourceFile("app/.env", $"{idName}={id}\n"), "RDY1001").ShouldBeEmpty();
    }

    [Fact]
    public void Fingerprint_follows_the_secret_not_the_line()
    {
        var token = "xoxb-" + "482910375561-4829103755612-" + "Qm8sLp2ZrT6vXw9Yb4Nc7Kd1";
        var before = Scan(new SourceFile("app/.env", $"SLACK_BOT_TOKEN={token}\n"));
        var after = Scan(new SourceFile("app/.env", $"# moved down\nLOG_LEVEL=info\nSLACK_BOT_TOKEN={token}\n"));
        after.Location.File!.StartLine.ShouldBe(3);
        after.Fingerprint.ShouldBe(before.Fingerprint);
        after.FingerprintKey.ShouldBe("hmac:" + Readiness.Rules.Text.Redaction.Hash(token));

        static Finding Scan(SourceFile file) => Run(file, "RDY1001").ShouldHaveSingleItem();
    }

    [Fact]
    public void Snippet_of_a_minified_line_is_short_and_redacted()
    {
        var key = "sk_live_" + "51Hx9QkLz2Rb7TnVw3Ym8PcDf4Jg6Ks0Ue5Aq1Io9";
        var text = "!function(){" + string.Concat(Enumerable.Repeat("var a=1;", 20_000)) + $"var k=\"{key}\";" + string.Concat(Enumerable.Repeat("var b=2;", 20_000)) + "}();";
        var finding = FixtureVerifier.Verify(new SourceFile("static/app.min.js", text + " // Noncompliant RDY1001"), "RDY1001").ShouldHaveSingleItem();
        finding.Snippet!.Length.ShouldBeLessThan(200);
        finding.Snippet.ShouldNotContain(key);
        finding.Snippet.ShouldContain(Readiness.Rules.Text.Redaction.Preview(key));
    }

    [Fact]
    public void Hostile_input_does_not_crash_or_stall()
    {
        var inputs = new Dictionary<string, string>
        {
            ["nul.env"] = "PASSWORD=\0\0\0" + new string('\0', 1000),
            ["nested.json"] = new string('[', 200_000) + "\"password\": \"" + new string('a', 10_000) + "\"" + new string(']', 200_000),
            ["long.env"] = "API_KEY=" + new string('A', 3_000_000),
            ["repeat.py"] = string.Concat(Enumerable.Repeat("password = os.environ.get('API_TOKEN', 'Zp9sWx4RvT1b') ", 50_000)),
            ["keys.pem"] = "-----BEGIN RSA PRIVATE KEY-----\n" + string.Concat(Enumerable.Repeat("AAAA\n", 200_000)),
            ["invalid-utf8.yaml"] = "secret: \uFFFD\uFFFD\uFFFD" + new string('\uFFFD', 5000),
            ["urls.txt"] = string.Concat(Enumerable.Repeat("postgres://a:b@", 100_000)),
            ["tokens.min.js"] = string.Concat(Enumerable.Repeat("token=\"ghp_", 200_000)),
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (name, text) in inputs)
        {
            var findings = Run(new SourceFile(name, text));
            findings.Count.ShouldBeLessThanOrEqualTo(SecretScanner.MaxHitsPerFile, name);
            findings.ShouldAllBe(f => f.Snippet == null || f.Snippet.Length < 400);
        }
        // Generous bound on a shared 2-core machine: a quadratic pass or a backtracking regex would take minutes here.
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs the given file rules (all of them when none is named) and fails on engine errors.</summary>
    private static IReadOnlyList<Finding> Run(SourceFile file, params string[] ruleIds)
    {
        var rules = RuleCatalog.Default.Rules.OfType<FileRule>().Where(r => ruleIds.Length == 0 || ruleIds.Contains(r.Id));
        var engine = new RuleEngine(rules.Select(ActiveRule.WithDefaults));
        engine.CheckFile(file);
        var (findings, errors) = engine.Complete();
        errors.ShouldBeEmpty(file.Path);
        return findings;
    }

    [Fact]
    public void Secret_names_are_judged_by_their_last_words()
    {
        foreach (var name in new[] { "DB_PASSWORD", "jwtSecret", "JWT_SECRET", "api_key", "apiKey", "Jwt:Key", "client_secret", "GITHUB_TOKEN", "spring.datasource.password", "SIGNING_KEY", "secret_key_value", "S3_ACCESS_KEY", "AccessKey" })
            SecretNames.IsSecretName(name).ShouldBeTrue(name);
        foreach (var name in new[] { "password_field", "token_url", "PASSWORD_MIN_LENGTH", "secret_name", "csrf_token", "next_page_token", "public_key", "primary_key", "cache_key", "tokenizer", "Token.String" })
            SecretNames.IsSecretName(name).ShouldBeFalse(name);
    }

    [Fact]
    public void Known_examples_placeholders_and_references_are_recognized()
    {
        SecretValues.IsKnownExample("AKIAIOSFODNN7EXAMPLE").ShouldBeTrue();
        SecretValues.IsKnownExample("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").ShouldBeTrue();
        foreach (var v in new[] { "xxxx", "xxxxxxxxxxxx", "<your-key>", "changeme", "your-super-secret-jwt-key-change-in-production", "price_LIVE_1234_REPLACE_ME", "dev-secret-key-change-me", "YOUR_STRONG_PASSWORD_HERE", "****" })
            SecretValues.IsPlaceholder(v).ShouldBeTrue(v);
        foreach (var v in new[] { "${JWT_SECRET}", "{{ vault_password }}", "$DB_PASSWORD", "%APPDATA%", "os.environ['X']", "process.env.X", "var.db_password", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db", "arn:aws-cn:iam::aws:policy/IAMUserChangePassword" })
            SecretValues.IsReference(v).ShouldBeTrue(v);
        SecretValues.IsPlaceholder("Zp9sWx4RvT1bNc8Md3Fg6Je5").ShouldBeFalse();
        foreach (var v in new[] { "Marker", "NextToken", "AWSSecretKey", "access_token", "#ansiyellow", "./secrets/key.pem" })
            SecretValues.LooksLikeIdentifierOrPath(v).ShouldBeTrue(v);
    }
}
