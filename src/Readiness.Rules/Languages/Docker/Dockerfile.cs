using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Readiness.Rules.Model;

namespace Readiness.Rules.Languages.Docker;

/// <summary>One Dockerfile instruction after line continuations are joined and heredoc bodies are read.</summary>
public sealed record DockerInstruction
{
    /// <summary>Upper-case keyword: FROM, RUN, COPY, USER...</summary>
    public required string Keyword { get; init; }

    /// <summary>The arguments as written, continuations joined with a space, flags included.</summary>
    public required string Arguments { get; init; }

    /// <summary>The arguments without leading <c>--flag</c> options.</summary>
    public required string Body { get; init; }

    /// <summary>Leading options: <c>--from=builder</c>, <c>--chown=app</c>, <c>--checksum=sha256:...</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The exec (JSON array) form's items, or null for the shell form.</summary>
    public IReadOnlyList<string>? ExecForm { get; init; }

    /// <summary>Bodies of heredocs (<c>RUN &lt;&lt;EOF</c>), in order.</summary>
    public IReadOnlyList<string> Heredocs { get; init; } = [];

    /// <summary><see cref="Body"/> with ARG and ENV values substituted, for the instructions Docker expands (not RUN, CMD, ENTRYPOINT).</summary>
    public required string Expanded { get; init; }

    /// <summary>For ENV, ARG and LABEL: the key/value pairs, values expanded; a value is null for <c>ARG NAME</c> without a default.</summary>
    public IReadOnlyList<DockerVariable> Variables { get; init; } = [];

    public required int Line { get; init; }
    public required int EndLine { get; init; }

    /// <summary>The command as a shell would see it: exec-form items joined, or the body plus heredoc bodies.</summary>
    public string CommandText => ExecForm is { } exec ? string.Join(' ', exec) : Heredocs.Count == 0 ? Body : Body + "\n" + string.Join("\n", Heredocs);

    public string? Flag(string name)
    {
        var prefix = "--" + name + "=";
        return Flags.FirstOrDefault(f => f.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))?[prefix.Length..];
    }
}

/// <summary>A key/value of ENV, ARG or LABEL. <see cref="IsLiteral"/>: written as a value, not a reference to another variable.</summary>
public sealed record DockerVariable(string Name, string? Value, string? Written)
{
    public bool IsLiteral => !string.IsNullOrEmpty(Written) && !Dockerfile.IsOnlyReference(Written);
}

/// <summary>One build stage: a FROM and the instructions up to the next FROM.</summary>
public sealed record DockerStage
{
    public required int Index { get; init; }

    /// <summary>The base image after substitution of the global ARGs (<c>python:3.11-slim</c>, <c>builder</c>).</summary>
    public required string Image { get; init; }
    public string? Alias { get; init; }
    public required DockerInstruction From { get; init; }
    public required IReadOnlyList<DockerInstruction> Instructions { get; init; }

    /// <summary>The earlier stage this one starts from (<c>FROM builder</c>), whose USER and ENV it inherits.</summary>
    public DockerStage? Parent { get; init; }

    public string Name => Alias ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A Dockerfile read the way BuildKit reads it: parser directives (<c># escape=`</c>), comments, line continuations,
/// heredocs, the exec and shell forms, ARG and ENV substitution (<c>$VAR</c>, <c>${VAR:-default}</c>, <c>${VAR:+alt}</c>)
/// and multi-stage builds. Syntax errors are collected with their line, never thrown.
/// </summary>
public sealed partial class Dockerfile
{
    private static readonly HashSet<string> Expanding = new(StringComparer.Ordinal)
    {
        "FROM", "ADD", "COPY", "ENV", "ARG", "EXPOSE", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ONBUILD",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR",
        "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    [GeneratedRegex(@"<<(?<strip>-?)(?<quote>[""']?)(?<name>[A-Za-z_][A-Za-z0-9_]*)\k<quote>")]
    private static partial Regex HeredocMarker();

    [GeneratedRegex(@"\$(?:\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-+])(?<word>[^}]*))?\}|(?<name>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*#\s*(?<key>[A-Za-z]+)\s*=\s*(?<value>\S+)\s*$")]
    private static partial Regex Directive();

    private Dockerfile(SourceFile file, IReadOnlyList<DockerInstruction> instructions, IReadOnlyList<DockerStage> stages, IReadOnlyList<(int Line, string Message)> errors)
    {
        File = file;
        Instructions = instructions;
        Stages = stages;
        Errors = errors;
    }

    public SourceFile File { get; }
    public IReadOnlyList<DockerInstruction> Instructions { get; }
    public IReadOnlyList<DockerStage> Stages { get; }
    public IReadOnlyList<(int Line, string Message)> Errors { get; }

    /// <summary>The stage that becomes the image (the last one, unless a build target is chosen).</summary>
    public DockerStage? Final => Stages.Count == 0 ? null : Stages[^1];

    /// <summary>The stage a build target names (<c>--target builder</c>, compose's <c>build.target</c>), by alias or index.</summary>
    public DockerStage? Stage(string target) =>
        Stages.FirstOrDefault(s => string.Equals(s.Alias, target, StringComparison.OrdinalIgnoreCase))
        ?? Stages.FirstOrDefault(s => s.Alias is null && s.Name == target);

    /// <summary>A file this reader handles: Dockerfile, Dockerfile.prod, api.Dockerfile, Containerfile.</summary>
    public static bool IsDockerfile(string path)
    {
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        return name is "dockerfile" or "containerfile" || name.StartsWith("dockerfile.", StringComparison.Ordinal)
            || name.EndsWith(".dockerfile", StringComparison.Ordinal);
    }

    public static Dockerfile Of(SourceFile file) => file.Parsed(Parse);

    public static Dockerfile Parse(SourceFile file)
    {
        var escape = '\\';
        var line = 1;
        // Parser directives are comments at the very top; the first other line ends them.
        for (; line <= file.LineCount; line++)
        {
            var m = Directive().Match(file.Line(line));
            if (!m.Success) break;
            if (m.Groups["key"].Value.Equals("escape", StringComparison.OrdinalIgnoreCase) && m.Groups["value"].Value is "`" or "\\")
                escape = m.Groups["value"].Value[0];
        }

        var raw = new List<(string Keyword, string Arguments, int Line, int EndLine, List<string> Heredocs)>();
        var errors = new List<(int, string)>();
        for (; line <= file.LineCount; line++)
        {
            var text = file.Line(line);
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            var start = line;
            var joined = new StringBuilder();
            var current = text;
            while (true)
            {
                var end = current.TrimEnd();
                var continues = end.Length > 0 && end[^1] == escape;
                joined.Append(continues ? end[..^1] : current);
                if (!continues || line == file.LineCount) break;
                line++;
                // Comment lines inside a continuation are dropped; empty lines are ignored.
                while (line < file.LineCount && (file.Line(line).TrimStart().StartsWith('#') || file.Line(line).Trim().Length == 0)) line++;
                current = file.Line(line);
                joined.Append(' ');
            }
            var all = joined.ToString().Trim();
            var space = all.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? all : all[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : all[(space + 1)..].Trim();
            if (!Keywords.Contains(keyword)) errors.Add((start, $"unknown instruction '{keyword}'"));

            var heredocs = new List<string>();
            if (keyword is "RUN" or "COPY" or "ADD")
            {
                foreach (Match h in HeredocMarker().Matches(arguments))
                {
                    var body = new StringBuilder();
                    var closed = false;
                    while (line < file.LineCount)
                    {
                        line++;
                        var bodyLine = file.Line(line);
                        var candidate = h.Groups["strip"].Value == "-" ? bodyLine.TrimStart('\t') : bodyLine;
                        if (candidate.TrimEnd() == h.Groups["name"].Value) { closed = true; break; }
                        body.Append(bodyLine).Append('\n');
                    }
                    if (!closed) errors.Add((start, $"heredoc '{h.Groups["name"].Value}' is never closed"));
                    heredocs.Add(body.ToString());
                }
            }
            raw.Add((keyword, arguments, start, line, heredocs));
        }
        return Build(file, raw, errors);
    }

    private static Dockerfile Build(SourceFile file, List<(string Keyword, string Arguments, int Line, int EndLine, List<string> Heredocs)> raw, List<(int, string)> errors)
    {
        var globals = new Dictionary<string, string>(StringComparer.Ordinal);
        var instructions = new List<DockerInstruction>();
        var stages = new List<DockerStage>();
        Dictionary<string, string>? scope = null;
        DockerInstruction? from = null;
        var stageInstructions = new List<DockerInstruction>();
        string image = "", alias = "";

        void CloseStage()
        {
            if (from is null) return;
            var parent = stages.LastOrDefault(s => s.Alias is { } a && a.Equals(image, StringComparison.OrdinalIgnoreCase))
                ?? (int.TryParse(image, out var n) && n < stages.Count ? stages[n] : null);
            stages.Add(new DockerStage
            {
                Index = stages.Count, Image = image, Alias = alias.Length == 0 ? null : alias, From = from, Instructions = stageInstructions.ToList(), Parent = parent,
            });
            stageInstructions.Clear();
        }

        foreach (var (keyword, arguments, line, endLine, heredocs) in raw)
        {
            var (flags, body) = SplitFlags(arguments);
            var vars = scope ?? globals;
            var expanded = Expanding.Contains(keyword) ? Expand(body, keyword == "FROM" ? globals : vars) : body;
            var variables = keyword switch
            {
                "ENV" => KeyValues(body, legacySpaceForm: true).Select(kv => new DockerVariable(kv.Key, Expand(kv.Value!, vars), kv.Value)).ToList(),
                "LABEL" => KeyValues(body, legacySpaceForm: false).Select(kv => new DockerVariable(kv.Key, Expand(kv.Value ?? "", vars), kv.Value)).ToList(),
                "ARG" => KeyValues(body, legacySpaceForm: false).Select(kv => new DockerVariable(kv.Key, kv.Value is null ? null : Expand(kv.Value, vars), kv.Value)).ToList(),
                _ => [],
            };
            var instruction = new DockerInstruction
            {
                Keyword = keyword, Arguments = arguments, Body = body, Flags = flags, ExecForm = ExecFormOf(keyword, body), Heredocs = heredocs,
                Expanded = expanded, Variables = variables, Line = line, EndLine = endLine,
            };
            instructions.Add(instruction);

            if (keyword == "FROM")
            {
                CloseStage();
                var parts = expanded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) errors.Add((line, "FROM names no image"));
                image = parts.Length > 0 ? parts[0] : "";
                alias = parts.Length >= 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : "";
                from = instruction;
                var parentScope = stages.LastOrDefault(s => s.Alias is { } a && a.Equals(image, StringComparison.OrdinalIgnoreCase)) is { } p ? ScopeAfter(p, globals) : null;
                scope = parentScope ?? new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            if (from is null)
            {
                if (keyword != "ARG") errors.Add((line, $"{keyword} before the first FROM"));
                foreach (var v in variables) globals[v.Name] = v.Value ?? "";
                continue;
            }
            stageInstructions.Add(instruction);
            if (keyword is "ENV") foreach (var v in variables) scope![v.Name] = v.Value ?? "";
            // ARG NAME without a default brings the global ARG of that name into the stage.
            if (keyword is "ARG") foreach (var v in variables) scope![v.Name] = v.Value ?? globals.GetValueOrDefault(v.Name, "");
        }
        CloseStage();
        if (stages.Count == 0 && raw.Count > 0) errors.Add((raw[0].Line, "no FROM instruction"));
        return new Dockerfile(file, instructions, stages, errors);
    }

    // ENV values a stage started FROM an earlier stage inherits.
    private static Dictionary<string, string> ScopeAfter(DockerStage stage, Dictionary<string, string> globals)
    {
        var scope = stage.Parent is { } p ? ScopeAfter(p, globals) : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var i in stage.Instructions.Where(i => i.Keyword == "ENV"))
        {
            foreach (var v in i.Variables) scope[v.Name] = v.Value ?? "";
        }
        return scope;
    }

    private static (IReadOnlyList<string> Flags, string Body) SplitFlags(string arguments)
    {
        var flags = new List<string>();
        var rest = arguments;
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            flags.Add(end < 0 ? rest : rest[..end]);
            rest = end < 0 ? "" : rest[end..].TrimStart();
        }
        return (flags, rest);
    }

    private static IReadOnlyList<string>? ExecFormOf(string keyword, string body)
    {
        if (keyword is not ("RUN" or "CMD" or "ENTRYPOINT" or "SHELL" or "HEALTHCHECK") || !body.StartsWith('[')) return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(body);
        }
        catch (JsonException)
        {
            return null; // Docker runs a malformed array as a shell command.
        }
    }

    /// <summary>Substitutes <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c> and <c>${VAR:+alternative}</c>; unknown names become empty.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> values)
    {
        if (!text.Contains('$', StringComparison.Ordinal)) return text;
        return Reference().Replace(text, m =>
        {
            if (m.Index > 0 && text[m.Index - 1] == '\\') return m.Value;
            var found = values.TryGetValue(m.Groups["name"].Value, out var value);
            var set = found && value!.Length > 0;
            return m.Groups["op"].Value switch
            {
                ":-" => set ? value! : m.Groups["word"].Value,
                "-" => found ? value! : m.Groups["word"].Value,
                ":+" => set ? m.Groups["word"].Value : "",
                "+" => found ? m.Groups["word"].Value : "",
                _ => found ? value! : "",
            };
        });
    }

    /// <summary>True when the text is only a variable reference (<c>$SECRET</c>, <c>${SECRET}</c>): no literal of its own.</summary>
    public static bool IsOnlyReference(string text)
    {
        var m = Reference().Match(text.Trim().Trim('"', '\''));
        return m.Success && m.Index == 0 && m.Length == text.Trim().Trim('"', '\'').Length && !m.Groups["op"].Success;
    }

    /// <summary><c>A=1 B="two words"</c>, or the legacy <c>ENV NAME value with spaces</c>, or <c>ARG NAME</c>.</summary>
    private static List<(string Key, string? Value)> KeyValues(string body, bool legacySpaceForm)
    {
        var result = new List<(string, string?)>();
        var first = body.IndexOfAny([' ', '\t', '=']);
        if (legacySpaceForm && first > 0 && body[first] != '=')
        {
            result.Add((body[..first], Unquote(body[first..].Trim())));
            return result;
        }
        var i = 0;
        while (i < body.Length)
        {
            while (i < body.Length && char.IsWhiteSpace(body[i])) i++;
            if (i >= body.Length) break;
            var keyStart = i;
            while (i < body.Length && body[i] != '=' && !char.IsWhiteSpace(body[i])) i++;
            var key = Unquote(body[keyStart..i]);
            if (i >= body.Length || body[i] != '=')
            {
                result.Add((key, null));
                continue;
            }
            i++;
            var value = new StringBuilder();
            char quote = '\0';
            while (i < body.Length && (quote != '\0' || !char.IsWhiteSpace(body[i])))
            {
                var c = body[i];
                if (quote == '\0' && c is '"' or '\'') quote = c;
                else if (c == quote) quote = '\0';
                else if (c == '\\' && quote != '\'' && i + 1 < body.Length) value.Append(body[++i]);
                else value.Append(c);
                i++;
            }
            result.Add((key, value.ToString()));
        }
        return result;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
}
