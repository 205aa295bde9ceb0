using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Readiness.Rules.Languages.Yaml;

/// <summary>
/// Loads YAML (and JSON, which is YAML) from files a scan does not trust. Before building the tree it walks the event
/// stream (iteratively, so depth cannot overflow the stack) and refuses, as a <see cref="YamlException"/> with line
/// and column, what would exhaust the stack or memory: nesting deeper than <see cref="MaxDepth"/>, or aliases that
/// expand to more than <see cref="MaxNodes"/> nodes (a "billion laughs" bomb, in a value or a mapping key). YamlDotNet's
/// InvalidOperationException on some malformed input (an unclosed '[' before another key) becomes a YamlException too.
/// </summary>
/// <summary>A document refused for its depth or alias expansion, not for its syntax.</summary>
public sealed class YamlLimitException(Mark start, Mark end, string reason) : YamlException(start, end, reason)
{
    /// <summary>The limit that was hit, without YamlDotNet's position prefix.</summary>
    public string Reason { get; } = reason;
}

public static class SafeYaml
{
    public const int MaxDepth = 128;
    public const long MaxNodes = 1_000_000;

    public static YamlStream Load(string text)
    {
        Check(text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    /// <summary>Throws <see cref="YamlException"/> when <paramref name="text"/> is too deep, expands too far, or is malformed.</summary>
    public static void Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new List<(long Size, string? Anchor)>();
        var anchored = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        var last = Mark.Empty;

        void Add(long size, ParsingEvent at)
        {
            total += size;
            if (total > MaxNodes) throw new YamlLimitException(at.Start, at.End, $"the document expands to more than {MaxNodes:N0} nodes (aliases)");
            if (open.Count > 0) open[^1] = (open[^1].Size + size, open[^1].Anchor);
        }

        while (true)
        {
            try
            {
                if (!parser.MoveNext()) break;
            }
            catch (InvalidOperationException)
            {
                throw new YamlException(last, last, "malformed YAML after this point");
            }
            var current = parser.Current!;
            switch (current)
            {
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty) anchored[scalar.Anchor.Value] = 1;
                    Add(1, current);
                    break;
                case AnchorAlias alias:
                    Add(anchored.GetValueOrDefault(alias.Value.Value, 1), current);
                    break;
                case NodeEvent start when start is MappingStart or SequenceStart:
                    Add(1, current);
                    if (open.Count >= MaxDepth) throw new YamlLimitException(current.Start, current.End, $"nested deeper than {MaxDepth} levels");
                    open.Add((1, start.Anchor.IsEmpty ? null : start.Anchor.Value));
                    break;
                case MappingEnd or SequenceEnd:
                    var (size, anchor) = open[^1];
                    open.RemoveAt(open.Count - 1);
                    if (anchor is not null) anchored[anchor] = size;
                    // The collection's own node was counted at its start; its children as they came.
                    if (open.Count > 0) open[^1] = (open[^1].Size + size - 1, open[^1].Anchor);
                    break;
            }
            last = current.End;
        }
    }
}
