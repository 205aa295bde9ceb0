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
}
