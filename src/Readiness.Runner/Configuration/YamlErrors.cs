using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Readiness.Runner.Configuration;

public static partial class YamlErrors
{
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    /// <summary>YamlDotNet's message without its position prefix (the caller reports file and line itself).</summary>
    public static string Describe(YamlException ex) => PositionPrefix().Replace(ex.Message, "").TrimEnd('.') + ".";
}
