namespace Readiness.Runner.Sources.Aws;

/// <summary>
/// The AWS settings Readiness takes from the environment, read and checked in this one place: the region
/// (AWS_REGION, else AWS_DEFAULT_REGION) and the S3 endpoint of an S3-compatible store or emulator
/// (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL). Credentials stay with the SDK's own chain (<see cref="AwsCredentials"/>).
/// </summary>
public sealed record AwsEnvironment
{
    public string? Region { get; init; }
    public Uri? S3Endpoint { get; init; }

    /// <summary>Reads the variables (the process's, unless given); a malformed endpoint is a <see cref="FormatException"/> naming the variable.</summary>
    public static AwsEnvironment Read(Func<string, string?>? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariable;
        string? First(params string[] names) => names.Select(variables).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        Uri? endpoint = null;
        if (First("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL") is { } text)
        {
            var name = !string.IsNullOrWhiteSpace(variables("AWS_ENDPOINT_URL_S3")) ? "AWS_ENDPOINT_URL_S3" : "AWS_ENDPOINT_URL";
            endpoint = AwsCollectOptions.ParseEndpoint(text) ?? throw new FormatException($"{name} '{text}' is not an http(s) URL; set it to the S3 endpoint, e.g. http://localhost:9000.");
        }
        return new AwsEnvironment { Region = First("AWS_REGION", "AWS_DEFAULT_REGION"), S3Endpoint = endpoint };
    }
}
