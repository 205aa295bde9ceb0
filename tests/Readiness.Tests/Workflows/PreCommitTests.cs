using System.Diagnostics;
using Readiness.Tests.Support;

namespace Readiness.Tests.Workflows;

/// <summary>
/// The pre-commit hook (.pre-commit-hooks.yaml) run by Debian's pre-commit in a temporary repository, as a user's
/// `git commit` would run it: a staged secret blocks, a clean staged file passes, and unstaged files are not judged.
/// </summary>
public sealed class PreCommitTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("readiness-pre-commit-");
    private string Repo => Path.Combine(work.FullName, "repo");

    public PreCommitTests()
    {
        Directory.CreateDirectory(Repo);
        var bin = Directory.CreateDirectory(Path.Combine(work.FullName, "bin")).FullName;
        var launcher = Path.Combine(bin, "readiness");
        File.WriteAllText(launcher, $"#!/usr/bin/env bash\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "readiness.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Run("git", "init", "-q").ExitCode.ShouldBe(0);
    }

    public void Dispose() => work.Delete(recursive: true);

    private ExternalProcess.Outcome Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Repo, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = Path.Combine(work.FullName, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["PRE_COMMIT_HOME"] = Path.Combine(work.FullName, "cache");
        foreach (var name in new[] { "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME" }) start.Environment[name] = "Readiness Tests";
        foreach (var name in new[] { "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL" }) start.Environment[name] = "tests@example.test";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{program} is not installed; run scripts/install-test-deps.sh (Debian package pre-commit)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ExternalProcess.ProcessDeadline)) process.Kill(entireProcessTree: true);
            return new ExternalProcess.Outcome(process.HasExited ? process.ExitCode : -1, stdout.Result, stderr.Result);
        }
    }

    // try-repo runs this repository's hook (its committed .pre-commit-hooks.yaml) on the staged files.
    private ExternalProcess.Outcome Hook() => Run("pre-commit", "try-repo", TestPaths.Repo, "readiness");

    [Fact]
    public void A_staged_secret_blocks_the_commit()
    {
        File.Copy(TestPaths.Fixture("Secrets/env/.env.production"), Path.Combine(Repo, ".env.production"));
        Run("git", "add", ".env.production").ExitCode.ShouldBe(0);
        var hook = Hook();
        hook.ExitCode.ShouldBe(1, hook.Stdout + hook.Stderr);
        hook.Stdout.ShouldContain("RDY1005");
        hook.Stdout.ShouldContain("NOT READY: ");
        hook.Stdout.ShouldNotContain("your-super-secret-jwt-key-change-in-production", customMessage: "the hook's output never shows a full secret");
    }

    [Fact]
    public void A_clean_staged_file_passes_and_unstaged_files_are_not_judged()
    {
        File.WriteAllText(Path.Combine(Repo, "notes.txt"), "Release notes for the next launch.\n");
        File.Copy(TestPaths.Fixture("Secrets/env/.env.production"), Path.Combine(Repo, ".env.production"));
        Run("git", "add", "notes.txt").ExitCode.ShouldBe(0);
        var hook = Hook();
        hook.ExitCode.ShouldBe(0, hook.Stdout + hook.Stderr);
        // pre-commit shows a passing hook's name and "Passed" (its output only on failure).
        hook.Stdout.ShouldMatch(@"Readiness \(secrets and launch settings in staged files\)\.+Passed");
    }
}
