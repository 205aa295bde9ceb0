using System.Globalization;
using System.Text;
using Readiness.Runner.Configuration;
using Readiness.Rules.Languages.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Readiness.Runner.Suppressions;

/// <summary>
/// Adds an entry to a suppression file as text, so the existing entries, their order and every comment stay as the
/// team wrote them. The result is read back with <see cref="SuppressionFiles"/> before anything is written, so a
/// command can never leave a file the scan would refuse.
/// </summary>
public sealed class SuppressionWriter(SuppressionFiles reader)
{
    public sealed record Request(string Match, string Reason, DateOnly Expires, string? Owner, string? Ticket);

    /// <summary>Returns the new file text and the line where the entry starts.</summary>
    public (string Text, int Line) Append(string file, string? existing, Request request)
    {
        var text = existing ?? $"# Accepted risks for {Path.GetFileNameWithoutExtension(file)}. Each entry needs match, reason and expires (YYYY-MM-DD).\n";
        reader.CheckExpiry(request.Expires, "--expires", 0);
        if (existing is not null) reader.Parse(file, existing);
        var indent = 2;
        var list = SuppressionsList(file, text);
        if (list is null)
        {
            if (!HasSuppressionsKey(file, text)) text = EnsureNewline(text) + "suppressions:\n";
        }
        else
        {
            if (list.Style == SequenceStyle.Flow)
                throw new ConfigurationError(file, (int)list.Start.Line, "'suppressions' is written as a flow list ([...]); rewrite it as a block list (- match: ...) to add entries with this command.");
            if (list.Children.Count > 0) indent = (int)list.Start.Column - 1;
        }
        text = EnsureNewline(text);
        var line = text.Count(c => c == '\n') + 1;
        var pad = new string(' ', indent);
        var entry = new StringBuilder();
        entry.Append(pad).Append("- match: ").Append(Quote(request.Match)).Append('\n');
        entry.Append(pad).Append("  reason: ").Append(Quote(request.Reason)).Append('\n');
        if (request.Owner is not null) entry.Append(pad).Append("  owner: ").Append(Quote(request.Owner)).Append('\n');
        entry.Append(pad).Append("  expires: ").Append(request.Expires.ToString(SuppressionFiles.DateFormat, CultureInfo.InvariantCulture)).Append('\n');
        if (request.Ticket is not null) entry.Append(pad).Append("  ticket: ").Append(Quote(request.Ticket)).Append('\n');
        text += entry.ToString();

        // The suppressions list must be the last thing in the file for an appended entry to land in it.
        var count = reader.Parse(file, text).Count;
        var before = existing is null ? 0 : reader.Parse(file, existing).Count;
        if (count != before + 1)
            throw new ConfigurationError(file, line, "cannot append here: 'suppressions' is not the last key of the file; move it to the end and run the command again.");
        return (text, line);
    }

    private static YamlSequenceNode? SuppressionsList(string file, string text) =>
        Root(file, text)?.Children.TryGetValue(new YamlScalarNode("suppressions"), out var node) == true ? node as YamlSequenceNode : null;

    private static bool HasSuppressionsKey(string file, string text) =>
        Root(file, text)?.Children.ContainsKey(new YamlScalarNode("suppressions")) == true;

    private static YamlMappingNode? Root(string file, string text)
    {
        try
        {
            var stream = SafeYaml.Load(text);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
        }
        catch (YamlException ex)
        {
            throw new ConfigurationError(file, (int)ex.Start.Line, "YAML syntax error: " + YamlErrors.Describe(ex));
        }
    }

    private static string EnsureNewline(string text) => text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";

    /// <summary>A YAML double-quoted scalar: backslashes, quotes and control characters escaped.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
