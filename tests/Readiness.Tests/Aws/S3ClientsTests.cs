using Amazon.S3;
using Readiness.Runner.Sources.Aws;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Tests.Aws;

/// <summary>One S3 client factory for the collector and s3:// locations, and the AWS environment read and checked once.</summary>
public sealed class S3ClientsTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_environment_names_the_s3_endpoint_and_region_with_the_specific_variable_first()
    {
        var environment = AwsEnvironment.Read(Variables(("AWS_ENDPOINT_URL", "http://general:5000"), ("AWS_ENDPOINT_URL_S3", "http://minio:9000"), ("AWS_DEFAULT_REGION", "eu-west-2")));
        environment.S3Endpoint.ShouldBe(new Uri("http://minio:9000"));
        environment.Region.ShouldBe("eu-west-2");
        AwsEnvironment.Read(Variables(("AWS_ENDPOINT_URL", "http://general:5000"), ("AWS_REGION", "us-west-1"), ("AWS_DEFAULT_REGION", "eu-west-2")))
            .ShouldBe(new AwsEnvironment { S3Endpoint = new Uri("http://general:5000"), Region = "us-west-1" });
        AwsEnvironment.Read(Variables()).ShouldBe(new AwsEnvironment());
    }

    [Fact]
    public void A_malformed_endpoint_is_an_error_naming_the_variable_not_a_silent_default()
    {
        Should.Throw<FormatException>(() => AwsEnvironment.Read(Variables(("AWS_ENDPOINT_URL_S3", "minio:9000/"))))
            .Message.ShouldStartWith("AWS_ENDPOINT_URL_S3 'minio:9000/' is not an http(s) URL");
        Should.Throw<FormatException>(() => AwsEnvironment.Read(Variables(("AWS_ENDPOINT_URL", "ftp://store"))))
            .Message.ShouldStartWith("AWS_ENDPOINT_URL 'ftp://store' is not an http(s) URL");
    }

    [Fact]
    public void The_collector_and_report_locations_get_the_same_client_for_an_endpoint()
    {
        using var live = S3Clients.Create(AwsTestSupport.Testing, "eu-west-2", new Uri("http://localhost:5000/"));
        using var reports = S3Clients.ForReports(new AwsEnvironment { Region = "eu-west-2", S3Endpoint = new Uri("http://localhost:5000/") });
        foreach (var config in new[] { (AmazonS3Config)live.Config, (AmazonS3Config)reports.Config })
        {
            config.ServiceURL.ShouldBe("http://localhost:5000/");
            config.ForcePathStyle.ShouldBeTrue();
            config.AuthenticationRegion.ShouldBe("eu-west-2");
            config.MaxErrorRetry.ShouldBe(5);
        }

        using var regional = S3Clients.ForReports(new AwsEnvironment { Region = "ap-southeast-2" });
        regional.Config.RegionEndpoint.SystemName.ShouldBe("ap-southeast-2");
        regional.Config.ServiceURL.ShouldBeNull();
    }
}
