using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>
/// A real S3 API on loopback: moto's server (python3 -m moto.server) on a free port, with one bucket, for the duration
/// of a test class. <see cref="Environment"/> is what the readiness process needs to use it.
/// </summary>
public sealed class MotoS3 : IDisposable
{
    public const string Bucket = "readiness-state";
    private readonly Process server;

    public MotoS3()
    {
        (server, Port) = ExternalProcess.StartServer(
            port => new ProcessStartInfo("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            "python3 -m moto.server (run scripts/install-test-deps.sh)");
        using var client = Client();
        client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }).GetAwaiter().GetResult();
    }

    public int Port { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_S3"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public AmazonS3Client Client() =>
        new(new Amazon.Runtime.BasicAWSCredentials("testing", "testing"), new AmazonS3Config { ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public string Read(string key)
    {
        using var client = Client();
        using var response = client.GetObjectAsync(Bucket, key).GetAwaiter().GetResult();
        using var reader = new StreamReader(response.ResponseStream);
        return reader.ReadToEnd();
    }

    public void Put(string key, string file)
    {
        using var client = Client();
        client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, FilePath = file }).GetAwaiter().GetResult();
    }

    public void Dispose() => ExternalProcess.Stop(server);
}
