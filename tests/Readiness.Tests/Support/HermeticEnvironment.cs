using System.Globalization;
using System.Runtime.CompilerServices;

namespace Readiness.Tests.Support;

/// <summary>
/// The environment every test (and every process a test starts, which inherits it) sees, set once before any test
/// runs. Environment variables are process-global and tests run in parallel, so no test may set one; instead the
/// variables the product reads are fixed here, whatever the developer's shell or the CI runner exports: no AWS
/// profile, region, endpoint or session of the machine, test keys for every in-process `--aws` scan (so the
/// credential chain never reaches a real profile or the instance metadata service), no GitHub step summary to
/// append to, and no colour or width settings. The culture is the invariant one the shipped CLI runs with
/// (InvariantGlobalization in Readiness.Runner.csproj), whatever LANG the machine has.
/// </summary>
internal static class HermeticEnvironment
{
    public const string AwsAccessKeyId = "testing";
    public const string AwsSecretAccessKey = "testing";

    private static readonly string[] Cleared =
    [
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3",
        "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "NO_COLOR", "COLUMNS",
    ];

#pragma warning disable CA2255 // A test assembly's one-time set-up, not a library.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        foreach (var name in Cleared) Environment.SetEnvironmentVariable(name, null);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AwsAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", AwsSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        // The machine's ~/.aws profiles are never read: these files do not exist.
        var none = Path.Combine(AppContext.BaseDirectory, "no-such-aws-file");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", none);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", none);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
