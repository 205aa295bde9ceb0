using System.Diagnostics;
using System.Security.Cryptography;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>
/// The .NET tool package: `dotnet pack` of the Runner (packing the build these tests run against, so it stays fast)
/// installs with `dotnet tool install --add-source`, and the installed `readiness` runs.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-pack-");

    public void Dispose() => work.Delete(recursive: true);

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(ExternalProcess.ProcessDeadline).ShouldBeTrue($"{file} {string.Join(' ', args)} did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void The_packed_tool_installs_and_runs()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(TestPaths.Repo, "src", "Readiness.Runner", "Readiness.Runner.csproj");
        var packages = Path.Combine(work.FullName, "packages");
        var tools = Path.Combine(work.FullName, "tools");

        var pack = Run("dotnet", "pack", project, "--no-build", "-c", configuration, "-o", packages, "--nologo");
        pack.Code.ShouldBe(0, pack.Output);
        File.Exists(Path.Combine(packages, "Readiness.0.1.0.nupkg")).ShouldBeTrue(pack.Output);
        using (var nupkg = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packages, "Readiness.0.1.0.nupkg")))
        {
            using var readme = new StreamReader(nupkg.GetEntry("README.md").ShouldNotBeNull("the package carries its README").Open());
            readme.ReadToEnd().ShouldBe(File.ReadAllText(Path.Combine(TestPaths.Repo, "README.md")));
            using var nuspec = new StreamReader(nupkg.GetEntry("Readiness.nuspec")!.Open());
            nuspec.ReadToEnd().ShouldContain("<readme>README.md</readme>");
        }

        var install = Run("dotnet", "tool", "install", "--tool-path", tools, "--add-source", packages, "Readiness");
        install.Code.ShouldBe(0, install.Output);
        // The installed tool is this build, not a package cached from an earlier one.
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "readiness.dll", SearchOption.AllDirectories).ShouldHaveSingleItem();
        SHA256.HashData(File.ReadAllBytes(installed)).ShouldBe(SHA256.HashData(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "readiness.dll"))));

        var rules = Run(Path.Combine(tools, "readiness"), "rules");
        rules.Code.ShouldBe(0, rules.Output);
        rules.Output.ShouldContain("RDY1101");
        rules.Output.TrimEnd().ShouldEndWith(" rules.");
    }
}
