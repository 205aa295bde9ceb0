using System.Text;
using Amazon.Runtime;
using Readiness.Runner.Sources.Aws;

namespace Readiness.Tests.Aws;

/// <summary>The signer against AWS's published SigV4 test suite (aws-sig-v4-test-suite: get-vanilla, post-x-www-form-urlencoded).</summary>
public sealed class AwsSignerTests
{
    private static readonly ImmutableCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    [Fact]
    public void Get_vanilla_matches_the_published_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        AwsSigner.Sign(request, [], Example, "us-east-1", "service", SignedAt);
        request.Headers.GetValues("Authorization").Single().ShouldBe(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    [Fact]
    public void Post_form_matches_the_published_signature()
    {
        var body = Encoding.UTF8.GetBytes("Param1=value1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        AwsSigner.Sign(request, body, Example, "us-east-1", "service", SignedAt);
        request.Headers.GetValues("Authorization").Single().ShouldBe(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }

    [Fact]
    public void Get_with_query_parameters_sorts_them()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?Param2=value2&Param1=value1");
        AwsSigner.Sign(request, [], Example, "us-east-1", "service", SignedAt);
        request.Headers.GetValues("Authorization").Single().ShouldEndWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }
}
