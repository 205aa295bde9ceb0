namespace Readiness.Rules.Languages;

/// <summary>
/// A file nested deeper than a reader follows (parentheses, brackets, blocks). The engine turns it into a coverage
/// gap with the file and line: reading on would overflow the stack, and skipping it silently would pass it unread.
/// </summary>
public sealed class NestingTooDeepException(string path, int line, string reason)
    : Exception($"{reason} at line {line}; the file was not checked")
{
    public string Path { get; } = path;
    public int Line { get; } = line;
}
