using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Clients;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// The one definition of a condition that narrows Principal "*" (<see cref="PolicyCondition.NarrowsCaller"/>), shared by
/// IAM trust, KMS, S3, ECR and Lambda policies, and NotPrincipal read as "everyone but".
/// </summary>
public sealed class PolicyNarrowingTests
{
    [Theory]
    [InlineData("Terraform/policy-narrowing")]
    [InlineData("CloudFormation/policy-narrowing")]
    public void Fixture_matches_annotations(string folder) => IacFixtureVerifier.Verify(folder);

    [Theory]
    [InlineData("StringEquals", "aws:PrincipalOrgID", "o-abc123", true)]
    [InlineData("stringequals", "AWS:SourceAccount", "123456789012", true)]
    [InlineData("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-abc123/r-ab12/*", true)]
    [InlineData("ArnLike", "aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:jobs", true)]
    [InlineData("ArnLike", "aws:SourceArn", "arn:aws:s3:::uploads-prod", true)]
    [InlineData("IpAddress", "aws:SourceIp", "203.0.113.0/24", true)]
    [InlineData("StringEquals", "aws:SourceVpce", "vpce-1a2b3c4d", true)]
    [InlineData("StringEquals", "kms:CallerAccount", "123456789012", true)]
    [InlineData("StringNotEquals", "aws:PrincipalOrgID", "o-abc123", false)]
    [InlineData("StringEqualsIfExists", "aws:SourceAccount", "123456789012", false)]
    [InlineData("ForAllValues:StringEquals", "aws:PrincipalOrgID", "o-abc123", false)]
    [InlineData("Null", "aws:SourceArn", "false", false)]
    [InlineData("StringLike", "aws:SourceAccount", "*", false)]
    [InlineData("ArnLike", "aws:SourceArn", "arn:aws:execute-api:us-east-1:*:*/*", false)]
    [InlineData("ArnEquals", "aws:PrincipalArn", "arn:aws:iam::*:role/deploy", false)]
    [InlineData("ArnLike", "aws:SourceArn", "arn:aws:s3:::*", false)]
    [InlineData("IpAddress", "aws:SourceIp", "0.0.0.0/0", false)]
    [InlineData("Bool", "aws:SecureTransport", "true", false)]
    [InlineData("Bool", "aws:MultiFactorAuthPresent", "true", false)]
    [InlineData("StringLike", "aws:Referer", "https://alva.example/*", false)]
    [InlineData("StringEquals", "sts:ExternalId", "partner-7f3a", false)]
    [InlineData("StringEquals", "kms:ViaService", "s3.us-east-1.amazonaws.com", false)]
    [InlineData("StringEquals", "aws:username", "deploy", false)]
    public void A_condition_narrows_the_caller_only_with_a_caller_key_a_positive_operator_and_a_value_that_is_not_everyone(
        string op, string key, string value, bool narrows) =>
        new PolicyCondition(op, key, [value]).NarrowsCaller.ShouldBe(narrows);

    [Fact]
    public void A_live_policy_is_read_by_the_same_reader_and_judged_by_the_same_definition()
    {
        var policy = PolicyDocuments.Parse(File.ReadAllText(TestPaths.Fixture("Aws/policies/lambda-policy.json")));
        policy.Statements.Select(s => (s.Sid, s.OpenToAnyone)).ShouldBe(
        [
            ("any-account-bucket", (bool?)true),
            ("own-bucket", false),
            ("everyone-but", true),
        ]);
    }

    [Fact]
    public void A_principal_a_variable_sets_leaves_its_statement_undecided_and_an_arn_around_a_variable_names_one_principal()
    {
        var scan = IacFixtureVerifier.Scan("Terraform/policy-narrowing");
        IamRole Role(string name) => scan.Resources.OfType<IamRole>().Single(r => r.Id == name);
        Role("variable-principal").AssumeRolePolicy.Known!.Statements.Single().OpenToAnyone.ShouldBeNull();
        Role("named").AssumeRolePolicy.Known!.Statements.Select(s => s.OpenToAnyone).ShouldBe([false, false]);
    }
}
