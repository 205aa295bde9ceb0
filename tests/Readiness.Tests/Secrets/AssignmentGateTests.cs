using System.Text.RegularExpressions;
using Readiness.Rules.Secrets;
using Readiness.Tests.Support;

namespace Readiness.Tests.Secrets;

/// <summary>
/// The generic assignment pass skips a window only when its regexes could find nothing to judge there
/// (<see cref="SecretScanner.MayHoldAssignment"/>, <see cref="SecretScanner.MayHoldSetterCall"/>; issue 20): so every
/// match the regexes find in any fixture, as a line or as a whole file, must be in a window the gate lets through.
/// </summary>
public class AssignmentGateTests
{
    [Theory]
    [InlineData("password = \"hunter2-but-longer\"", true, true)]
    [InlineData("api_key:'abc'", true, true)]
    [InlineData("token => `abc`", true, true)]
    [InlineData("\"secret\": \\\"abc\\\"", true, true)]
    [InlineData("\"db_password\" :\t \"abc\"", true, true)]
    [InlineData("tokens = tokenize.generate_tokens(readline)", true, false)]
    [InlineData("if key in self._keys: return 'x'", true, false)]
    [InlineData("return self.token", false, false)]
    [InlineData("print(token, 'no operator before this quote')", false, false)]
    public void Lets_through_a_window_only_when_it_has_an_operator_and_in_code_a_quote_after_one(string window, bool anyValue, bool quotedValue)
    {
        SecretScanner.MayHoldAssignment(window, quotedOnly: false).ShouldBe(anyValue);
        SecretScanner.MayHoldAssignment(window, quotedOnly: true).ShouldBe(quotedValue);
    }

    [Theory]
    [InlineData("System.setProperty(\"X_TOKEN\", \"abc\")")]
    [InlineData("os.Setenv(\"API_TOKEN\", \"abc\")")]
    [InlineData("os.putenv('API_TOKEN', 'abc')")]
    [InlineData("config.put(\"db.password\", \"abc\")")]
    [InlineData("os.environ.setdefault('SECRET_KEY', 'abc')")]
    [InlineData("Environment.SetEnvironmentVariable(\"API_TOKEN\", \"abc\")")]
    public void Lets_through_every_setter_call_the_regex_finds(string window)
    {
        SecretScanner.SetterCall().IsMatch(window).ShouldBeTrue();
        SecretScanner.MayHoldSetterCall(window).ShouldBeTrue();
        SecretScanner.MayHoldSetterCall(window.Replace("set", "xxx").Replace("Set", "Xxx").Replace("put", "xxx")).ShouldBeFalse();
    }

    [Fact]
    public void Lets_through_every_window_in_which_the_regexes_find_a_match_in_any_fixture()
    {
        var files = Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 256 * 1024).Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(500);
        var (assignments, quoted) = (0, 0);
        var missed = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Contains((byte)0)) continue;
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            foreach (var window in text.Split('\n').Append(text))
            {
                foreach (Match m in SecretScanner.Assignment().Matches(window))
                {
                    assignments++;
                    var value = m.Groups["value"].Value;
                    // What Judge takes for a quoted value; in code and HCL only those are judged.
                    var isQuoted = value[0] is '"' or '\'' or '`' || value.StartsWith("\\\"", StringComparison.Ordinal);
                    if (isQuoted) quoted++;
                    if (!SecretScanner.MayHoldAssignment(window, quotedOnly: false) || (isQuoted && !SecretScanner.MayHoldAssignment(window, quotedOnly: true)))
                        missed.Add($"{Path.GetRelativePath(TestPaths.Fixtures, file)}: {Preview(m.Value)}");
                }
                foreach (Match m in SecretScanner.SetterCall().Matches(window))
                {
                    if (!SecretScanner.MayHoldSetterCall(window)) missed.Add($"{Path.GetRelativePath(TestPaths.Fixtures, file)}: {Preview(m.Value)}");
                }
            }
        }
        missed.ShouldBeEmpty();
        assignments.ShouldBeGreaterThan(10_000);
        quoted.ShouldBeGreaterThan(2_000);

        // A match names where a secret may be: show its start only, never a whole value.
        static string Preview(string match) => match.Length <= 24 ? match : match[..24] + "...";
    }
}
