using Readiness.Rules.Text;
using Readiness.Runner.Scan;

namespace Readiness.Tests.Secrets;

/// <summary>The one redaction policy: previews that hide the length, and hashes that a report reader cannot recompute.</summary>
public class RedactionTests
{
    [Fact]
    public void Previews_do_not_reveal_the_length()
    {
        Redaction.Preview("Summer2024!").ShouldBe("****");
        Redaction.Preview("short").ShouldBe("****");
        Redaction.Preview("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").ShouldBe("gh****Yu");
        Redaction.Preview("sk_live_abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop").Length.ShouldBe("gh****Yu".Length);
    }

    [Fact]
    public void The_hash_is_keyed_so_a_guessed_secret_cannot_be_confirmed_from_a_plain_digest()
    {
        var plainSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Summer2024!"u8));
        var hash = Redaction.Hash("Summer2024!");
        hash.Length.ShouldBe(64);
        hash.ShouldNotBe(plainSha256);
        Redaction.Hash("Summer2024!").ShouldBe(hash, "the same key gives the same hash, so baselines stay comparable");
        Redaction.Hash("Summer2025!").ShouldNotBe(hash);
    }

    [Fact]
    public void The_key_comes_from_the_environment_first_then_the_repository_file()
    {
        var root = Directory.CreateTempSubdirectory("readiness-key-").FullName;
        try
        {
            // The test run sets READINESS_SECRET_HASH_KEY (SecretHashKeyForTests): it wins over a repository file.
            Directory.CreateDirectory(Path.Combine(root, ".readiness"));
            File.WriteAllText(Path.Combine(root, SecretHashKey.RepositoryFile), "repository key");
            SecretHashKey.Resolve(root).ShouldBe(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SecretHashKeyForTests.Key)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Two_scans_in_one_process_hash_the_same_secret_under_their_own_keys()
    {
        var root = Directory.CreateTempSubdirectory("readiness-keys-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "config"));
            File.Copy(Readiness.Tests.Support.TestPaths.Fixture("Python/django_app/config/settings.py"), Path.Combine(root, "config/settings.py"));
            var ruleset = new Readiness.Runner.Configuration.RulesetLoader(Readiness.Rules.Engine.RuleCatalog.Default).Load("launch-readiness", root);
            byte[] Key(string text) => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
            async Task<string> HashIn(string key)
            {
                var result = await new ScanPipeline(new ScanOptions { Path = root, SecretHashKey = Key(key) }, ruleset).RunAsync();
                return result.Findings.Single(f => f.Finding.RuleId == "RDY1103").Finding.Properties["secretHmac"];
            }

            // At the same time, so a key shared by the process would give one of them the other's hash.
            var hashes = await Task.WhenAll(HashIn("team-a key"), HashIn("team-b key"), HashIn("team-a key"));

            const string secret = "django-insecure-9f#k2!x7@q1z$w8e^r4t6y0u3i5o";
            hashes[0].ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Key("team-a key"), System.Text.Encoding.UTF8.GetBytes(secret))));
            hashes[1].ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Key("team-b key"), System.Text.Encoding.UTF8.GetBytes(secret))));
            hashes[2].ShouldBe(hashes[0], "the same key gives the same hash in every scan");
            Redaction.Hash(secret).ShouldNotBe(hashes[0], "outside a scan the key is the process's own, not the last scan's");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
