using System.Globalization;
using System.Text;

namespace Readiness.Rules.Languages.Hcl;

/// <summary>
/// A tolerant reader for HCL2 (Terraform .tf and .tfvars): blocks, attributes, literals, tuples, objects, heredocs,
/// comments (#, //, /* */), templates with interpolations, function calls, operators, conditionals and traversals.
/// for-expressions and template directives (%{ if }, %{ for }). A syntax error stops the reader and is returned with
/// its line and column; the blocks read before it are kept.
/// </summary>
public sealed class HclParser
{
    private readonly string text;
    private readonly int[] lineStarts;
    private int pos;

    private HclParser(string text)
    {
        this.text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        lineStarts = starts.ToArray();
    }

    public static HclFile Parse(string path, string text)
    {
        var parser = new HclParser(text);
        var body = new HclBody();
        try
        {
            parser.ParseBody(body, topLevel: true);
            return new HclFile(path, body, null);
        }
        catch (HclException ex)
        {
            var (line, column) = parser.Position(ex.Offset);
            return new HclFile(path, body, new HclSyntaxError(line, column, ex.Message));
        }
    }

    /// <summary>Parses a single expression (e.g. a -var value); throws <see cref="FormatException"/> when it is not one.</summary>
    public static HclExpr ParseExpression(string text)
    {
        var parser = new HclParser(text);
        try
        {
            var expr = parser.Expression();
            parser.SkipSpace(newlines: true);
            if (parser.pos < text.Length) throw new HclException(parser.pos, "unexpected text after the expression");
            return expr;
        }
        catch (HclException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Parses a whole text as template content (templatefile); throws <see cref="FormatException"/> on a bad template.</summary>
    public static HclTemplate ParseTemplate(string text)
    {
        var parser = new HclParser(text);
        try
        {
            var parts = new List<object>();
            var literal = new StringBuilder();
            while (!parser.AtEnd)
            {
                if (parser.TemplateMarker(parts, literal)) continue;
                literal.Append(parser.Peek());
                parser.pos++;
            }
            if (literal.Length > 0) parts.Add(literal.ToString());
            return new HclTemplate(parser.Structure(parts), 1, 1, text.Length > 80 ? text[..80] : text);
        }
        catch (HclException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Deepest nesting of blocks and expressions read; deeper input is a syntax error, not a stack overflow.</summary>
    public const int MaxNesting = 256;

    private int nesting;

    /// <summary>One level deeper for as long as the returned scope lives (<c>using var _ = Nest();</c>).</summary>
    private NestingScope Nest() => ++nesting > MaxNesting ? throw Error($"nested deeper than {MaxNesting} levels") : new NestingScope(this);

    private readonly struct NestingScope(HclParser parser) : IDisposable
    {
        public void Dispose() => parser.nesting--;
    }

    private sealed class HclException(int offset, string message) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private (int Line, int Column) Position(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    private char Peek(int ahead = 0) => pos + ahead < text.Length ? text[pos + ahead] : '\0';
    private bool AtEnd => pos >= text.Length;
    private HclException Error(string message) => new(pos, message);

    // ---------- bodies ----------

    private void ParseBody(HclBody body, bool topLevel)
    {
        using var _ = Nest();
        while (true)
        {
            SkipSpace(newlines: true);
            if (AtEnd)
            {
                if (!topLevel) throw Error("unclosed block: expected '}'");
                return;
            }
            if (Peek() == '}')
            {
                if (topLevel) throw Error("unexpected '}'");
                pos++;
                return;
            }
            var start = pos;
            var name = Identifier() ?? throw Error($"expected an attribute name or block type, found '{Describe()}'");
            SkipSpace(newlines: false);
            var (line, column) = Position(start);
            if (Peek() == '=' && Peek(1) != '=')
            {
                pos++;
                SkipSpace(newlines: false);
                var value = Expression();
                body.Attributes.Add(new HclAttribute(name, value, line, column));
                EndOfItem();
                continue;
            }
            var labels = new List<string>();
            while (true)
            {
                if (Peek() == '"') labels.Add(QuotedLabel());
                else if (Identifier() is { } label) labels.Add(label);
                else break;
                SkipSpace(newlines: false);
            }
            if (Peek() != '{') throw Error($"expected '=' or '{{' after '{name}', found '{Describe()}'");
            pos++;
            var nested = new HclBody();
            ParseBody(nested, topLevel: false);
            body.Blocks.Add(new HclBlock(name, labels, nested, line, column));
            EndOfItem();
        }
    }

    /// <summary>An attribute or block ends at a newline, a comment, a closing brace or the end of the file.</summary>
    private void EndOfItem()
    {
        SkipSpace(newlines: false);
        if (AtEnd || Peek() == '}' || Peek() == '\n' || Peek() == '\r') return;
        throw Error($"expected a newline after the value, found '{Describe()}'");
    }

    private string QuotedLabel()
    {
        var template = QuotedTemplate();
        return template.Parts.All(p => p is string) ? string.Concat(template.Parts) : throw new HclException(pos, "a block label cannot contain interpolation");
    }

    private string Describe() => AtEnd ? "end of file" : Peek() == '\n' ? "end of line" : Peek().ToString();

    // ---------- whitespace and comments ----------

    private void SkipSpace(bool newlines)
    {
        while (!AtEnd)
        {
            var c = Peek();
            if (c is ' ' or '\t' or '\r' || (newlines && c == '\n')) pos++;
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (!AtEnd && Peek() != '\n') pos++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                if (end < 0) throw Error("unclosed /* comment");
                // A multi-line comment counts as a newline for ending an attribute.
                if (!newlines && text.IndexOf('\n', pos, end - pos) >= 0) { pos = end + 2; return; }
                pos = end + 2;
            }
            else return;
        }
    }

    private static bool IsIdStart(char c) => char.IsLetter(c) || c == '_';
    private static bool IsIdPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

    private string? Identifier()
    {
        if (AtEnd || !IsIdStart(Peek())) return null;
        var start = pos;
        while (!AtEnd && IsIdPart(Peek())) pos++;
        return text[start..pos];
    }

    // ---------- expressions ----------

    private HclExpr Expression()
    {
        using var _ = Nest();
        return ConditionalExpression();
    }

    private HclExpr ConditionalExpression()
    {
        var start = pos;
        var condition = Binary(0);
        SkipSpaceInExpr();
        if (Peek() != '?') return condition;
        pos++;
        SkipSpace(newlines: true);
        var whenTrue = Expression();
        SkipSpace(newlines: true);
        if (Peek() != ':') throw Error("expected ':' in conditional expression");
        pos++;
        SkipSpace(newlines: true);
        var whenFalse = Expression();
        return Make(start, (l, c, t) => new HclConditional(condition, whenTrue, whenFalse, l, c, t));
    }

    // Inside brackets newlines are insignificant; at attribute level only a line continuation after an operator is.
    private int depth;

    private void SkipSpaceInExpr() => SkipSpace(newlines: depth > 0);

    private static readonly string[][] Levels =
    [
        ["||"],
        ["&&"],
        ["==", "!="],
        ["<=", ">=", "<", ">"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private HclExpr Binary(int level)
    {
        if (level == Levels.Length) return Unary();
        var start = pos;
        var left = Binary(level + 1);
        while (true)
        {
            var save = pos;
            SkipSpaceInExpr();
            var op = Levels[level].FirstOrDefault(o => string.CompareOrdinal(text, pos, o, 0, o.Length) == 0);
            // Comments were skipped above, so a "/" here is a division.
            if (op is null || (op == "<" && Peek(1) == '<'))
            {
                pos = save;
                return left;
            }
            pos += op.Length;
            SkipSpace(newlines: true);
            var right = Binary(level + 1);
            left = Make(start, (l, c, t) => new HclBinary(op, left, right, l, c, t));
        }
    }

    private HclExpr Unary()
    {
        if (Peek() is '!' or '-')
        {
            using var _ = Nest();
            var start = pos;
            var op = Peek().ToString();
            pos++;
            SkipSpaceInExpr();
            if (++nesting > MaxNesting) throw Error("expression nested too deeply");
            var operand = Unary();
            nesting--;
            if (op == "-" && operand is HclLiteral { Value: decimal d }) return Make(start, (l, c, t) => new HclLiteral(-d, l, c, t));
            return Make(start, (l, c, t) => new HclUnary(op, operand, l, c, t));
        }
        return Postfix(Primary());
    }

    private HclExpr Postfix(HclExpr target)
    {
        var start = StartOf(target);
        while (true)
        {
            if (Peek() == '.' && Peek(1) == '*')
            {
                pos += 2;
                target = Make(start, (l, c, t) => new HclSplat(target, l, c, t));
            }
            else if (Peek() == '.' && IsIdStart(Peek(1)))
            {
                pos++;
                var name = Identifier()!;
                target = Make(start, (l, c, t) => new HclGetAttr(target, name, l, c, t));
            }
            else if (Peek() == '.' && char.IsDigit(Peek(1)))
            {
                // Legacy index syntax: list.0
                pos++;
                var numberStart = pos;
                while (char.IsDigit(Peek())) pos++;
                var key = Make(numberStart, (l, c, t) => new HclLiteral(decimal.Parse(t, CultureInfo.InvariantCulture), l, c, t));
                target = Make(start, (l, c, t) => new HclIndex(target, key, l, c, t));
            }
            else if (Peek() == '[')
            {
                pos++;
                depth++;
                SkipSpace(newlines: true);
                if (Peek() == '*')
                {
                    pos++;
                    SkipSpace(newlines: true);
                    Expect(']');
                    depth--;
                    target = Make(start, (l, c, t) => new HclSplat(target, l, c, t));
                    continue;
                }
                var key = Expression();
                SkipSpace(newlines: true);
                Expect(']');
                depth--;
                target = Make(start, (l, c, t) => new HclIndex(target, key, l, c, t));
            }
            else return target;
        }
    }

    private int StartOf(HclExpr expr) => lineStarts[expr.Line - 1] + expr.Column - 1;

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"expected '{c}', found '{Describe()}'");
        pos++;
    }

    private HclExpr Primary()
    {
        var start = pos;
        var c = Peek();
        if (AtEnd) throw Error("expected an expression, found end of file");
        if (char.IsDigit(c)) return Number();
        if (c == '"') return QuotedTemplate();
        if (c == '<' && Peek(1) == '<') return Heredoc();
        if (c == '[') return TupleOrFor();
        if (c == '{') return ObjectOrFor();
        if (c == '(')
        {
            pos++;
            depth++;
            SkipSpace(newlines: true);
            var inner = Expression();
            SkipSpace(newlines: true);
            Expect(')');
            depth--;
            return inner;
        }
        var name = Identifier() ?? throw Error($"expected an expression, found '{Describe()}'");
        switch (name)
        {
            case "true": return Make(start, (l, col, t) => new HclLiteral(true, l, col, t));
            case "false": return Make(start, (l, col, t) => new HclLiteral(false, l, col, t));
            case "null": return Make(start, (l, col, t) => new HclLiteral(null, l, col, t));
        }
        // Provider-namespaced functions: provider::aws::arn_parse(...)
        while (Peek() == ':' && Peek(1) == ':')
        {
            pos += 2;
            name += "::" + (Identifier() ?? throw Error("expected a function name after '::'"));
        }
        if (Peek() == '(')
        {
            pos++;
            depth++;
            var args = new List<HclExpr>();
            SkipSpace(newlines: true);
            while (Peek() != ')')
            {
                args.Add(Expression());
                SkipSpace(newlines: true);
                if (Peek() == '.' && Peek(1) == '.' && Peek(2) == '.') { pos += 3; SkipSpace(newlines: true); }
                if (Peek() == ',') { pos++; SkipSpace(newlines: true); }
                else if (Peek() != ')') throw Error($"expected ',' or ')' in call to {name}, found '{Describe()}'");
            }
            pos++;
            depth--;
            return Make(start, (l, col, t) => new HclCall(name, args, l, col, t));
        }
        return Make(start, (l, col, t) => new HclVariable(name, l, col, t));
    }

    private HclExpr Number()
    {
        var start = pos;
        while (char.IsDigit(Peek())) pos++;
        if (Peek() == '.' && char.IsDigit(Peek(1)))
        {
            pos++;
            while (char.IsDigit(Peek())) pos++;
        }
        if (Peek() is 'e' or 'E')
        {
            pos++;
            if (Peek() is '+' or '-') pos++;
            while (char.IsDigit(Peek())) pos++;
        }
        return Make(start, (l, c, t) => new HclLiteral(decimal.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture), l, c, t));
    }

    private bool AtKeyword(string keyword) =>
        string.CompareOrdinal(text, pos, keyword, 0, keyword.Length) == 0 && !IsIdPart(Peek(keyword.Length));

    private HclExpr TupleOrFor()
    {
        var start = pos;
        pos++;
        depth++;
        SkipSpace(newlines: true);
        if (AtKeyword("for")) return ForExpression(start, ']');
        var items = new List<HclExpr>();
        while (Peek() != ']')
        {
            items.Add(Expression());
            SkipSpace(newlines: true);
            if (Peek() == ',') { pos++; SkipSpace(newlines: true); }
            else if (Peek() != ']') throw Error($"expected ',' or ']' in list, found '{Describe()}'");
        }
        pos++;
        depth--;
        return Make(start, (l, c, t) => new HclTuple(items, l, c, t));
    }

    private HclExpr ObjectOrFor()
    {
        var start = pos;
        pos++;
        depth++;
        SkipSpace(newlines: true);
        if (AtKeyword("for")) return ForExpression(start, '}');
        var items = new List<HclObjectItem>();
        while (Peek() != '}')
        {
            var keyStart = pos;
            HclExpr key;
            if (IsIdStart(Peek()))
            {
                var name = Identifier()!;
                // A bare name is a literal key unless it is the start of a longer expression such as var.x.
                if (Peek() is '.' or '[' or '(')
                {
                    pos = keyStart;
                    key = Expression();
                }
                else key = Make(keyStart, (l, c, t) => new HclLiteral(name, l, c, t));
            }
            else key = Expression();
            SkipSpace(newlines: false);
            if (Peek() is '=' or ':') pos++;
            else throw Error($"expected '=' or ':' after object key, found '{Describe()}'");
            SkipSpace(newlines: true);
            var value = Expression();
            items.Add(new HclObjectItem(key, value, key.Line));
            SkipSpace(newlines: false);
            if (Peek() == ',') pos++;
            SkipSpace(newlines: true);
            if (Peek() != '}' && AtEnd) throw Error("unclosed object: expected '}'");
        }
        pos++;
        depth--;
        return Make(start, (l, c, t) => new HclObject(items, l, c, t));
    }

    /// <summary>[for k, v in coll : value if cond] or {for k, v in coll : key => value... if cond}; the cursor is at "for".</summary>
    private HclExpr ForExpression(int start, char close)
    {
        var (keyVar, valueVar, collection) = ForHeader();
        Expect(':');
        SkipSpace(newlines: true);
        HclExpr? keyExpr = null;
        if (close == '}')
        {
            keyExpr = Expression();
            SkipSpace(newlines: true);
            if (Peek() != '=' || Peek(1) != '>') throw Error($"expected '=>' in a for-expression, found '{Describe()}'");
            pos += 2;
            SkipSpace(newlines: true);
        }
        var valueExpr = Expression();
        SkipSpace(newlines: true);
        var grouping = false;
        if (close == '}' && Peek() == '.' && Peek(1) == '.' && Peek(2) == '.')
        {
            pos += 3;
            grouping = true;
            SkipSpace(newlines: true);
        }
        HclExpr? condition = null;
        if (AtKeyword("if"))
        {
            pos += 2;
            SkipSpace(newlines: true);
            condition = Expression();
            SkipSpace(newlines: true);
        }
        Expect(close);
        depth--;
        return Make(start, (l, c, t) => new HclFor(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping, l, c, t));
    }

    /// <summary>"for k, v in coll" (also in a template directive); the cursor is at "for".</summary>
    private (string? Key, string Value, HclExpr Collection) ForHeader()
    {
        pos += 3;
        SkipSpace(newlines: true);
        var first = Identifier() ?? throw Error($"expected a variable name after 'for', found '{Describe()}'");
        SkipSpace(newlines: true);
        string? second = null;
        if (Peek() == ',')
        {
            pos++;
            SkipSpace(newlines: true);
            second = Identifier() ?? throw Error($"expected a variable name after ',', found '{Describe()}'");
            SkipSpace(newlines: true);
        }
        if (!AtKeyword("in")) throw Error($"expected 'in' in a for-expression, found '{Describe()}'");
        pos += 2;
        SkipSpace(newlines: true);
        var collection = Expression();
        SkipSpace(newlines: true);
        return second is null ? (null, first, collection) : (first, second, collection);
    }

    // ---------- templates ----------

    private HclTemplate QuotedTemplate()
    {
        var start = pos;
        pos++; // opening quote
        var parts = new List<object>();
        var literal = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() == '\n') throw Error("unterminated string");
            var c = Peek();
            if (c == '"') { pos++; break; }
            if (c == '\\')
            {
                literal.Append(Escape());
                continue;
            }
            if (TemplateMarker(parts, literal)) continue;
            literal.Append(c);
            pos++;
        }
        if (literal.Length > 0) parts.Add(literal.ToString());
        var structured = Structure(parts);
        return (HclTemplate)Make(start, (l, col, t) => new HclTemplate(structured, l, col, t));
    }

    /// <summary>Handles ${...}, %{...} and their escapes $${ and %%{ at the cursor; false when none is there.</summary>
    private bool TemplateMarker(List<object> parts, StringBuilder literal)
    {
        var c = Peek();
        if ((c == '$' || c == '%') && Peek(1) == c && Peek(2) == '{')
        {
            literal.Append(c).Append('{');
            pos += 3;
            return true;
        }
        if ((c == '$' || c == '%') && Peek(1) == '{')
        {
            if (literal.Length > 0) { parts.Add(literal.ToString()); literal.Clear(); }
            var start = pos;
            pos += 2;
            if (c == '%')
            {
                parts.Add(Directive(start));
                return true;
            }
            depth++;
            if (Peek() == '~') pos++;
            SkipSpace(newlines: true);
            var expr = Expression();
            SkipSpace(newlines: true);
            if (Peek() == '~') pos++;
            Expect('}');
            depth--;
            parts.Add(expr);
            return true;
        }
        return false;
    }

    /// <summary>A marker for one directive, replaced by a tree in <see cref="Structure"/>.</summary>
    private sealed record DirectiveMark(string Keyword, HclExpr? Condition, string? KeyVar, string? ValueVar, bool StripLeft, bool StripRight, int Offset);

    /// <summary>%{ if cond }, %{ else }, %{ endif }, %{ for k, v in coll }, %{ endfor }; the cursor is after "%{".</summary>
    private DirectiveMark Directive(int start)
    {
        depth++;
        var stripLeft = Peek() == '~';
        if (stripLeft) pos++;
        SkipSpace(newlines: true);
        var keyword = Identifier() ?? throw Error($"expected a template directive, found '{Describe()}'");
        HclExpr? condition = null;
        string? keyVar = null, valueVar = null;
        switch (keyword)
        {
            case "if":
                SkipSpace(newlines: true);
                condition = Expression();
                break;
            case "for":
                pos -= 3;
                (keyVar, valueVar, condition) = ForHeader();
                break;
            case "else" or "endif" or "endfor":
                break;
            default:
                throw new HclException(start, $"unknown template directive '{keyword}'");
        }
        SkipSpace(newlines: true);
        var stripRight = Peek() == '~';
        if (stripRight) pos++;
        Expect('}');
        depth--;
        return new DirectiveMark(keyword, condition, keyVar, valueVar, stripLeft, stripRight, start);
    }

    /// <summary>Turns the flat parts (with directive marks) into nested if/for parts, applying the ~ strip markers.</summary>
    private List<object> Structure(List<object> flat)
    {
        for (var i = 0; i < flat.Count; i++)
        {
            if (flat[i] is not DirectiveMark mark) continue;
            if (mark.StripLeft && i > 0 && flat[i - 1] is string before) flat[i - 1] = before.TrimEnd();
            if (mark.StripRight && i + 1 < flat.Count && flat[i + 1] is string after) flat[i + 1] = after.TrimStart();
        }
        var index = 0;
        var result = Sequence(flat, ref index, out var stop);
        if (stop is not null) throw new HclException(stop.Offset, $"'%{{{stop.Keyword}}}' without a matching opening directive");
        return result;
    }

    private List<object> Sequence(List<object> flat, ref int index, out DirectiveMark? stop)
    {
        var parts = new List<object>();
        stop = null;
        while (index < flat.Count)
        {
            var part = flat[index++];
            if (part is not DirectiveMark mark)
            {
                if (part is not string { Length: 0 }) parts.Add(part);
                continue;
            }
            if (mark.Keyword is "else" or "endif" or "endfor")
            {
                stop = mark;
                return parts;
            }
            var (line, column) = Position(mark.Offset);
            var body = Sequence(flat, ref index, out var end);
            if (mark.Keyword == "if")
            {
                List<object> whenFalse = [];
                if (end?.Keyword == "else") whenFalse = Sequence(flat, ref index, out end);
                if (end?.Keyword != "endif") throw new HclException(mark.Offset, "'%{if}' without '%{endif}'");
                parts.Add(new HclTemplateIf(mark.Condition!, body, whenFalse, line, column, "%{ if " + mark.Condition!.Text + " }"));
            }
            else
            {
                if (end?.Keyword != "endfor") throw new HclException(mark.Offset, "'%{for}' without '%{endfor}'");
                var names = mark.KeyVar is null ? mark.ValueVar : mark.KeyVar + ", " + mark.ValueVar;
                parts.Add(new HclTemplateFor(mark.KeyVar, mark.ValueVar!, mark.Condition!, body, line, column, $"%{{ for {names} in {mark.Condition!.Text} }}"));
            }
        }
        return parts;
    }

    private string Escape()
    {
        pos++; // backslash
        var c = Peek();
        pos++;
        switch (c)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case '"': return "\"";
            case '\\': return "\\";
            case 'u' or 'U':
                var length = c == 'u' ? 4 : 8;
                if (pos + length > text.Length || !int.TryParse(text.AsSpan(pos, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    throw Error("invalid unicode escape");
                pos += length;
                return char.ConvertFromUtf32(code);
            default: throw new HclException(pos - 2, $"invalid escape sequence '\\{c}'");
        }
    }

    private HclExpr Heredoc()
    {
        var start = pos;
        pos += 2;
        var indented = Peek() == '-';
        if (indented) pos++;
        var marker = Identifier() ?? throw Error("expected a heredoc marker after '<<'");
        while (Peek() is ' ' or '\t' or '\r') pos++;
        if (Peek() != '\n') throw Error("expected a newline after the heredoc marker");
        pos++;
        var contentStart = pos;
        var contentEnd = -1;
        var afterEnd = -1;
        var lineStart = pos;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            if (text[lineStart..lineEnd].Trim() == marker)
            {
                contentEnd = lineStart;
                afterEnd = lineStart + text[lineStart..lineEnd].IndexOf(marker, StringComparison.Ordinal) + marker.Length;
                break;
            }
            if (lineEnd >= text.Length) break;
            lineStart = lineEnd + 1;
        }
        if (contentEnd < 0) throw new HclException(start, $"heredoc '{marker}' is never closed");

        var parts = new List<object>();
        var literal = new StringBuilder();
        pos = contentStart;
        while (pos < contentEnd)
        {
            if (TemplateMarker(parts, literal)) continue;
            literal.Append(Peek());
            pos++;
        }
        if (literal.Length > 0) parts.Add(literal.ToString());
        pos = afterEnd;
        if (indented) parts = Dedent(parts);
        var structured = Structure(parts);
        return Make(start, (l, c, t) => new HclTemplate(structured, l, c, t));
    }

    /// <summary>For &lt;&lt;-: removes the smallest indentation of the literal lines from each of them.</summary>
    private static List<object> Dedent(List<object> parts)
    {
        var lines = string.Concat(parts.OfType<string>()).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var indent = lines.Count == 0 ? 0 : lines.Min(l => l.Length - l.TrimStart(' ', '\t').Length);
        if (indent == 0) return parts;
        var result = new List<object>();
        var atLineStart = true;
        foreach (var part in parts)
        {
            if (part is not string s)
            {
                result.Add(part);
                atLineStart = false;
                continue;
            }
            var lineParts = s.Split('\n');
            for (var i = 0; i < lineParts.Length; i++)
            {
                if (i > 0) atLineStart = true;
                var piece = lineParts[i];
                if (atLineStart)
                {
                    var strip = 0;
                    while (strip < indent && strip < piece.Length && piece[strip] is ' ' or '\t') strip++;
                    piece = piece[strip..];
                }
                lineParts[i] = piece;
                atLineStart = false;
            }
            result.Add(string.Join('\n', lineParts));
        }
        return result;
    }

    private HclExpr Make(int start, Func<int, int, string, HclExpr> create)
    {
        var (line, column) = Position(start);
        return create(line, column, text[start..Math.Max(start, pos)].Trim());
    }
}
