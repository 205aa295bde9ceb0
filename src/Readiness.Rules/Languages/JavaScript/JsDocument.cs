using Readiness.Rules.Model;

namespace Readiness.Rules.Languages.JavaScript;

/// <summary>A call site: the callee as a dotted chain ("res.status().json"), the index of its "(" and its arguments.</summary>
public sealed record JsCall(string Callee, int Open, int Close, IReadOnlyList<JsRange> Args);

/// <summary>A half-open range of token indexes [Start, End).</summary>
public readonly record struct JsRange(int Start, int End)
{
    public bool IsEmpty => End <= Start;
    public bool Contains(int index) => index >= Start && index < End;
}

/// <summary>A property of an object literal: its key ("origin", or the computed text) and the token range of its value.</summary>
public sealed record JsProperty(string Key, int KeyIndex, JsRange Value);

/// <summary>A function expression or arrow: its parameter names (empty for destructuring) and its body's token range.</summary>
public sealed record JsFunction(IReadOnlyList<string> Parameters, JsRange Body, int Start);

/// <summary>
/// A tokenized JavaScript/TypeScript file with its brackets matched, and the few structural questions rules ask:
/// where are the calls, what are their arguments, what does an object literal contain, which function is this.
/// </summary>
public sealed class JsDocument
{
    private readonly int[] match;

    private JsDocument(SourceFile file)
    {
        File = file;
        Tokens = JsTokenizer.Tokenize(file.Text);
        match = new int[Tokens.Count];
        Array.Fill(match, -1);
        var open = new Stack<int>();
        for (var i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Kind != JsTokenKind.Punct) continue;
            if (t.Text is "(" or "[" or "{" or "${") open.Push(i);
            else if (t.Text is ")" or "]" or "}")
            {
                // Tolerate stray closers: pop to the nearest opener of the same family.
                while (open.Count > 0 && !Pairs(Tokens[open.Peek()].Text, t.Text)) open.Pop();
                if (open.Count == 0) continue;
                var o = open.Pop();
                match[o] = i;
                match[i] = o;
            }
        }
    }

    public static JsDocument Parse(SourceFile file) => file.Parsed(f => new JsDocument(f));

    public SourceFile File { get; }
    public List<JsToken> Tokens { get; }

    public JsToken this[int index] => Tokens[Math.Clamp(index, 0, Tokens.Count - 1)];

    public int LineOf(int tokenIndex) => File.LineOf(this[tokenIndex].Offset);

    /// <summary>The index of the bracket that closes (or opens) the one at <paramref name="index"/>, or -1.</summary>
    public int Match(int index) => index >= 0 && index < match.Length ? match[index] : -1;

    private static bool Pairs(string open, string close) => (open, close) switch
    {
        ("(", ")") or ("[", "]") or ("{", "}") or ("${", "}") => true,
        _ => false,
    };

    /// <summary>Every call in the file, in order. The callee chain keeps "()" for calls inside it: res.status().json.</summary>
    public IEnumerable<JsCall> Calls()
    {
        for (var i = 1; i < Tokens.Count; i++)
        {
            if (!Tokens[i].Is("(") || Match(i) < 0) continue;
            var callee = CalleeEndingAt(i - 1);
            if (callee is null) continue;
            yield return new JsCall(callee, i, Match(i), SplitTopLevel(i + 1, Match(i)));
        }
    }

    /// <summary>Calls whose callee ends with <paramref name="suffix"/> ("addListener", "cors", "chrome.storage.local.set").</summary>
    public IEnumerable<JsCall> CallsTo(string suffix) => Calls().Where(c => c.Callee == suffix || c.Callee.EndsWith("." + suffix, StringComparison.Ordinal));

    private string? CalleeEndingAt(int i)
    {
        var parts = new List<string>();
        while (i >= 0)
        {
            var t = Tokens[i];
            if (t.Kind == JsTokenKind.Identifier)
            {
                if (parts.Count == 0 && t.Text is "if" or "for" or "while" or "switch" or "catch" or "function" or "return" or "typeof") return null;
                parts.Insert(0, t.Text);
                if (i > 0 && (Tokens[i - 1].Is(".") || Tokens[i - 1].Is("?."))) { i -= 2; continue; }
                break;
            }
            if (t.Is(")") && Match(i) > 0 && parts.Count > 0)
            {
                // A call in the middle of the chain: res.status(500).json(...)
                parts.Insert(0, "()");
                i = Match(i) - 1;
                continue;
            }
            break;
        }
        if (parts.Count == 0 || parts[0] == "()") return null;
        return string.Join(".", parts).Replace(".()", "()", StringComparison.Ordinal);
    }

    /// <summary>Splits [start, end) on commas that are not inside brackets.</summary>
    public IReadOnlyList<JsRange> SplitTopLevel(int start, int end)
    {
        var result = new List<JsRange>();
        var from = start;
        for (var i = start; i < end; i++)
        {
            var t = Tokens[i];
            if (t.Kind == JsTokenKind.Punct && t.Text is "(" or "[" or "{" or "${" && Match(i) > i) { i = Match(i); continue; }
            if (t.Is(","))
            {
                if (i > from) result.Add(new JsRange(from, i));
                from = i + 1;
            }
        }
        if (end > from) result.Add(new JsRange(from, end));
        return result;
    }

    /// <summary>The properties of the object literal that starts at <paramref name="range"/> (empty when it is not one).</summary>
    public IReadOnlyList<JsProperty> ObjectProperties(JsRange range)
    {
        if (range.IsEmpty || !this[range.Start].Is("{") || Match(range.Start) < 0) return [];
        var properties = new List<JsProperty>();
        foreach (var part in SplitTopLevel(range.Start + 1, Match(range.Start)))
        {
            var first = Tokens[part.Start];
            if (first.Is("...")) continue;
            string key;
            var next = part.Start + 1;
            if (first.Is("[") && Match(part.Start) > 0)
            {
                key = Text(new JsRange(part.Start + 1, Match(part.Start)));
                next = Match(part.Start) + 1;
            }
            else key = first.Kind == JsTokenKind.String ? first.Value! : first.Text;
            if (next < part.End && this[next].Is(":")) properties.Add(new JsProperty(key, part.Start, new JsRange(next + 1, part.End)));
            else if (next >= part.End) properties.Add(new JsProperty(key, part.Start, new JsRange(part.Start, part.End))); // shorthand
            else properties.Add(new JsProperty(key, part.Start, new JsRange(next, part.End))); // method or get/set
        }
        return properties;
    }

    /// <summary>The function (arrow or function expression) that starts at <paramref name="range"/>, or null.</summary>
    public JsFunction? FunctionAt(JsRange range)
    {
        var i = range.Start;
        if (this[i].IsName("async")) i++;
        List<string> parameters;
        if (this[i].IsName("function"))
        {
            i++;
            if (this[i].Kind == JsTokenKind.Identifier) i++;
            if (!this[i].Is("(") || Match(i) < 0) return null;
            parameters = ParameterNames(i);
            var bodyOpen = SkipReturnType(Match(i) + 1);
            if (!this[bodyOpen].Is("{") || Match(bodyOpen) < 0) return null;
            return new JsFunction(parameters, new JsRange(bodyOpen, Match(bodyOpen) + 1), range.Start);
        }
        int arrow;
        if (this[i].Is("(") && Match(i) > 0)
        {
            parameters = ParameterNames(i);
            arrow = SkipReturnType(Match(i) + 1);
        }
        else if (this[i].Kind == JsTokenKind.Identifier)
        {
            parameters = [this[i].Text];
            arrow = i + 1;
        }
        else return null;
        if (!this[arrow].Is("=>")) return null;
        var body = arrow + 1;
        if (this[body].Is("{") && Match(body) > 0) return new JsFunction(parameters, new JsRange(body, Match(body) + 1), range.Start);
        return new JsFunction(parameters, new JsRange(body, Math.Max(body, range.End)), range.Start);
    }

    // TypeScript: (req: Request, res: Response): void => / function f(x): Promise<void> {
    private int SkipReturnType(int i)
    {
        if (!this[i].Is(":")) return i;
        // A type annotation is short; give up after a few tokens so a ternary's ":" costs nothing.
        for (var j = i + 1; j < Math.Min(i + 24, Tokens.Count - 1); j++)
        {
            if (this[j].Is("=>") || this[j].Is("{")) return j;
        }
        return i;
    }

    private List<string> ParameterNames(int open)
    {
        var names = new List<string>();
        foreach (var part in SplitTopLevel(open + 1, Match(open)))
        {
            var t = Tokens[part.Start];
            names.Add(t.Kind == JsTokenKind.Identifier ? t.Text : t.Is("...") ? this[part.Start + 1].Text : "");
        }
        return names;
    }

    /// <summary>The tokens of a range joined without spaces where possible: "err.stack", "process.env.NODE_ENV".</summary>
    public string Text(JsRange range)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = range.Start; i < range.End && i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (sb.Length > 0 && t.Kind == JsTokenKind.Identifier && Tokens[i - 1].Kind == JsTokenKind.Identifier) sb.Append(' ');
            sb.Append(t.Text);
        }
        return sb.ToString();
    }

    /// <summary>True when the range is the single literal <c>true</c>.</summary>
    public bool IsTrue(JsRange range) => range.End - range.Start == 1 && this[range.Start].IsName("true");

    /// <summary>The string value when the range is one string literal (or a template without substitutions).</summary>
    public string? StringValue(JsRange range) =>
        range.End - range.Start == 1 && this[range.Start].Kind is JsTokenKind.String or JsTokenKind.Template ? this[range.Start].Value : null;

    /// <summary>Indexes in [range) of member accesses "name.member" (also name?.member), e.g. err.stack.</summary>
    public IEnumerable<int> MemberAccesses(JsRange range, string name, params string[] members)
    {
        for (var i = range.Start; i + 2 < range.End; i++)
        {
            if (Tokens[i].IsName(name) && (Tokens[i + 1].Is(".") || Tokens[i + 1].Is("?.")) && members.Contains(Tokens[i + 2].Text)
                && (i == 0 || !(Tokens[i - 1].Is(".") || Tokens[i - 1].Is("?."))))
                yield return i;
        }
    }

    /// <summary>True when an identifier named <paramref name="name"/> occurs in the range (not as a property after a dot).</summary>
    public bool Mentions(JsRange range, string name)
    {
        for (var i = range.Start; i < range.End && i < Tokens.Count; i++)
        {
            if (Tokens[i].IsName(name) && (i == 0 || !(Tokens[i - 1].Is(".") || Tokens[i - 1].Is("?.")))) return true;
        }
        return false;
    }
}
