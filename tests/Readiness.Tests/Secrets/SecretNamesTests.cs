using System.Text.RegularExpressions;
using Readiness.Rules.Secrets;
using Readiness.Tests.Support;

namespace Readiness.Tests.Secrets;

/// <summary>
/// <see cref="SecretNames.IsSecretName"/> rejects most names by a stem search before splitting them into words
/// (issue 20): it must answer as the words alone do, for every identifier in the fixtures and for names that spell a
/// stem across a word boundary or in another case.
/// </summary>
public class SecretNamesTests
{
    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("jwtSecret", true)]
    [InlineData("Jwt:Secret", true)]
    [InlineData("apiKey", true)]
    [InlineData("STRIPE_KEY", true)]
    [InlineData("ACRPWD", true)]
    [InlineData("githubToken", true)]
    [InlineData("Azure:Credentials", true)]
    [InlineData("password_field", false)]
    [InlineData("PASSWORD_MIN_LENGTH", false)]
    [InlineData("csrf_token", false)]
    [InlineData("Name", false)]
    [InlineData("api_ke_y", false)]
    public void Decides_as_the_words_do(string name, bool expected)
    {
        SecretNames.IsSecretName(name).ShouldBe(expected);
        SecretNames.IsSecretNameByWords(name).ShouldBe(expected);
    }

    [Fact]
    public void The_stem_search_never_changes_an_answer_on_any_identifier_in_the_fixtures()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length < 256 * 1024))
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Contains((byte)0)) continue;
            foreach (Match m in Regex.Matches(System.Text.Encoding.UTF8.GetString(bytes), @"[\p{L}\p{N}_.$:-]{1,80}")) names.Add(m.Value);
        }
        names.Count.ShouldBeGreaterThan(15_000);
        var secret = names.Where(SecretNames.IsSecretNameByWords).ToList();
        secret.Count.ShouldBeGreaterThan(500);
        names.Where(n => SecretNames.IsSecretName(n) != SecretNames.IsSecretNameByWords(n)).ShouldBeEmpty();
    }
}
