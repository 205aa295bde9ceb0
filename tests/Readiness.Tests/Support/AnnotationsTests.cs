namespace Readiness.Tests.Support;

/// <summary>The verifier itself: wrong annotations fail with a message that says what is wrong.</summary>
public class AnnotationsTests
{
    [Fact]
    public void Wrong_exact_message_and_missing_finding_are_both_reported()
    {
        var failure = Should.Throw<Xunit.Sdk.XunitException>(() => FixtureVerifier.Verify("Annotations/wrong/settings.py", "RDY1101", "RDY1102"));
        failure.Message.ShouldContain("wrong message: Annotations/wrong/settings.py:3 RDY1101");
        failure.Message.ShouldContain("expected: Not the message the rule writes.");
        failure.Message.ShouldContain("missing: Annotations/wrong/settings.py:4 RDY1102");
    }

    [Fact]
    public void A_known_false_negative_that_is_now_found_asks_to_remove_its_mark()
    {
        var failure = Should.Throw<Xunit.Sdk.XunitException>(() => FixtureVerifier.Verify("Annotations/fn-found/settings.py", "RDY1101"));
        failure.Message.ShouldContain("now found, remove its FN mark: Annotations/fn-found/settings.py:3 RDY1101");
    }

    [Fact]
    public void An_exact_message_that_matches_passes_in_both_verifiers() =>
        IacFixtureVerifier.Verify("Containers/compose/local-only").Findings.ShouldContain(f => f.RuleId == "RDY1620" && f.Message.StartsWith("Service 'db' publishes", StringComparison.Ordinal));

    [Fact]
    public void A_marker_without_a_rule_id_is_an_error()
    {
        var file = new Readiness.Rules.Model.SourceFile("inline.py", "DEBUG = True  # Noncompliant\n");
        Should.Throw<FormatException>(() => Annotations.FromComments(file)).Message.ShouldContain("inline.py:1");
    }
}
