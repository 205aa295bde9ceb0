namespace Readiness.Runner.Configuration;

/// <summary>
/// Bad input from the user (a ruleset, suppression file, option): names the file and line, exits 2.
/// Never caught and turned into a pass.
/// </summary>
public sealed class ConfigurationError(string file, int line, string message) : Exception(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reason { get; } = message;
}
