using Readiness.Rules.Catalog.Python;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Rules.Python;

/// <summary>
/// The textual gate in front of the Python parser for RDY1106 (issue 20): it must accept every file the rule reports
/// on, and reject the classes that only mention debugging, which is where most of the parser's time in the standard
/// library went.
/// </summary>
public class PythonGatingTests
{
    private static readonly FileRule DebugDefault = RuleCatalog.Default.Rules.OfType<FileRule>().Single(r => r.Id == "RDY1106");

    [Theory]
    [InlineData("class Settings(BaseSettings):\n    debug: bool = True\n", true)]
    [InlineData("class AppConfig:\n    DEBUG = True\n", true)]
    [InlineData("class AppConfig:\n    TESTING = DEBUG = True\n", true)]
    [InlineData("class AppConfig:\n    Debug \\\n        = True\n", true)]
    [InlineData("class Settings(BaseSettings):\n    debug: bool = Field(default=True)\n", true)]
    [InlineData("class Logger:\n    def debug(self, msg): pass\n", false)]
    [InlineData("class Config:\n    log.debug('x')\n", false)]
    public void Lets_through_a_file_only_when_it_may_assign_debug(string text, bool expected) =>
        PythonSettingsDebugDefault.MayAssignDebug(text).ShouldBe(expected);

    [Fact]
    public void The_gate_accepts_every_fixture_and_sample_file_the_rule_reports_on()
    {
        var files = TestPaths.FixtureAndSampleFiles("*.py");
        var reported = files.Where(f => CheckWithoutGate(f).Count > 0).ToList();
        reported.Count.ShouldBeGreaterThanOrEqualTo(2);
        reported.Where(f => !DebugDefault.AppliesTo(f)).Select(f => f.Path).ShouldBeEmpty();
    }

    private static List<Finding> CheckWithoutGate(SourceFile file) =>
        DebugDefault.Check(file, new RuleContext(DebugDefault.Metadata, DebugDefault.Metadata.Severity)).ToList();
}
