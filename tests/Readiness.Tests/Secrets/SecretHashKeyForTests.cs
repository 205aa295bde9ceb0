using System.Runtime.CompilerServices;

namespace Readiness.Tests.Secrets;

/// <summary>
/// Every scan in the test run (in process and the CLI processes it starts) hashes secrets under one fixed key, so
/// golden files and fingerprints are the same on every machine; real scans use the repository's or installation's key.
/// Rules run outside a scan (fixture tests) hash under the process's random key, the same throughout the run.
/// </summary>
internal static class SecretHashKeyForTests
{
    public const string Key = "readiness-test-suite-secret-hash-key";

#pragma warning disable CA2255 // A test assembly's one-time set-up, not a library.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable(Readiness.Runner.Scan.SecretHashKey.EnvironmentVariable, Key);
    }
}
