using System.Globalization;
using Readiness.Rules.Model;

namespace Readiness.Rules.Languages.Python;

/// <summary>
/// Reads the assignments and call statements of a Python file into <see cref="PyModule"/>. It is not a full Python
/// parser: statements it does not understand are skipped, never guessed at.
/// </summary>
public sealed class PyParser
{
    private readonly List<PyToken> tokens;
    private readonly SourceFile file;
    private int pos;

    private PyParser(SourceFile file)
    {
        this.file = file;
        tokens = PyTokenizer.Tokenize(file.Text);
    }

    public static PyModule Parse(SourceFile file) => file.Parsed(f => new PyParser(f).ParseModule());

    private PyToken Peek(int ahead = 0) => tokens[Math.Min(pos + ahead, tokens.Count - 1)];
    private PyToken Next() => tokens[Math.Min(pos++, tokens.Count - 1)];
    private bool IsOp(string op, int ahead = 0) => Peek(ahead).Kind == PyTokenKind.Op && Peek(ahead).Text == op;

    private PyModule ParseModule()
    {
        var assignments = new List<PyAssignment>();
        var calls = new List<PyCallStatement>();
        var classes = new Stack<(string Name, int Indent)>();
        var classList = new List<PyClass>();
        var starImport = false;
        while (Peek().Kind != PyTokenKind.End)
        {
            var indent = 0;
            if (Peek().Kind == PyTokenKind.Indent) indent = Next().Column;
            if (Peek().Kind == PyTokenKind.Newline) { Next(); continue; }
            while (classes.Count > 0 && indent <= classes.Peek().Indent) classes.Pop();

            var start = Peek();
            if (start.Kind == PyTokenKind.Name && start.Text == "class" && Peek(1).Kind == PyTokenKind.Name)
            {
                classes.Push((Peek(1).Text, indent));
                classList.Add(new PyClass(Peek(1).Text, ClassBases(), file.LineOf(start.Offset)));
                SkipLine();
                continue;
            }
            if (start.Kind == PyTokenKind.Name && start.Text == "from" && indent == 0)
            {
                while (Peek().Kind is not (PyTokenKind.Newline or PyTokenKind.End))
                {
                    if (Next().Text == "import" && IsOp("*")) starImport = true;
                }
                SkipLine();
                continue;
            }
            var statementStart = pos;
            try
            {
                if (start.Kind == PyTokenKind.Name && !IsKeyword(start.Text))
                {
                    var target = ParseDottedName();
                    string? annotation = null;
                    if (IsOp(":") && !IsOp("=", 1))
                    {
                        Next();
                        var annotationStart = Peek().Offset;
                        while (!IsOp("=") && Peek().Kind is not (PyTokenKind.Newline or PyTokenKind.End)) Next();
                        annotation = file.Text[annotationStart..Peek().Offset].Trim();
                    }
                    if (IsOp("="))
                    {
                        Next();
                        var value = ParseExpression();
                        // Chained assignment a = b = value: the last expression is the value.
                        while (IsOp("=")) { Next(); value = ParseExpression(); }
                        assignments.Add(new PyAssignment(target, value, file.LineOf(start.Offset), indent, classes.Count > 0 ? classes.Peek().Name : null, annotation));
                    }
                    else if (annotation is not null)
                    {
                        // A bare annotation (field: type) declares nothing we judge.
                    }
                    else
                    {
                        pos = statementStart;
                        if (ParseExpression() is PyCall call) calls.Add(new PyCallStatement(call, file.LineOf(start.Offset)));
                    }
                }
            }
            catch (FormatException)
            {
                // Not a statement shape we follow; skip it.
            }
            SkipLine();
        }
        return new PyModule(assignments, calls, classList) { HasStarImport = starImport };
    }

    /// <summary>Reads the base names of <c>class Name(A, b.C, metaclass=M):</c>, leaving the position on the class keyword.</summary>
    private List<string> ClassBases()
    {
        var bases = new List<string>();
        var at = pos + 2;
        if (at >= tokens.Count || tokens[at].Text != "(") return bases;
        at++;
        var current = "";
        var depth = 0;
        for (; at < tokens.Count && tokens[at].Kind is not (PyTokenKind.Newline or PyTokenKind.End); at++)
        {
            var t = tokens[at];
            if (depth == 0 && (t.Text is "," or ")"))
            {
                if (current.Length > 0 && !current.Contains('=')) bases.Add(current);
                current = "";
                if (t.Text == ")") break;
                continue;
            }
            if (t.Text is "(" or "[") depth++;
            else if (t.Text is ")" or "]") depth--;
            else if (depth == 0) current += t.Text;
        }
        return bases;
    }

    private void SkipLine()
    {
        while (Peek().Kind is not (PyTokenKind.Newline or PyTokenKind.End)) Next();
        if (Peek().Kind == PyTokenKind.Newline) Next();
    }

    private static bool IsKeyword(string name) => name is "if" or "elif" or "else" or "for" or "while" or "def" or "return" or "import"
        or "from" or "try" or "except" or "finally" or "with" or "raise" or "assert" or "del" or "pass" or "global" or "async" or "await" or "lambda" or "yield";

    private string ParseDottedName()
    {
        var name = Next().Text;
        while (IsOp(".") && Peek(1).Kind == PyTokenKind.Name) { Next(); name += "." + Next().Text; }
        return name;
    }

    private PyExpr ParseExpression() => ParseTernary();

    /// <summary>Deepest expression nesting read (brackets, chained conditionals, stacked "not"); deeper is a coverage gap.</summary>
    public const int MaxNesting = 200;

    private int nesting;

    private NestingScope Nest() =>
        ++nesting > MaxNesting ? throw new NestingTooDeepException(file.Path, file.LineOf(Peek().Offset), $"nested deeper than {MaxNesting} levels") : new NestingScope(this);

    private readonly struct NestingScope(PyParser parser) : IDisposable
    {
        public void Dispose() => parser.nesting--;
    }

    private PyExpr ParseTernary()
    {
        using var _ = Nest();
        var body = ParseOr();
        if (Peek().Kind == PyTokenKind.Name && Peek().Text == "if")
        {
            Next();
            ParseOr();
            if (Peek().Kind == PyTokenKind.Name && Peek().Text == "else") { Next(); ParseTernary(); }
            return new PyOther("conditional", body.Offset);
        }
        return body;
    }

    private PyExpr ParseOr()
    {
        var left = ParseAnd();
        while (Peek().Kind == PyTokenKind.Name && Peek().Text == "or") { Next(); left = new PyBinary("or", left, ParseAnd(), left.Offset); }
        return left;
    }

    private PyExpr ParseAnd()
    {
        var left = ParseNot();
        while (Peek().Kind == PyTokenKind.Name && Peek().Text == "and") { Next(); left = new PyBinary("and", left, ParseNot(), left.Offset); }
        return left;
    }

    private PyExpr ParseNot()
    {
        using var _ = Nest();
        if (Peek().Kind == PyTokenKind.Name && Peek().Text == "not") { var t = Next(); return new PyNot(ParseNot(), t.Offset); }
        return ParseComparison();
    }

    private PyExpr ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            string? op = null;
            if (IsOp("==") || IsOp("!=") || IsOp("<") || IsOp(">") || IsOp("<=") || IsOp(">=")) op = Next().Text;
            else if (Peek().Kind == PyTokenKind.Name && Peek().Text == "in") { Next(); op = "in"; }
            else if (Peek().Kind == PyTokenKind.Name && Peek().Text == "not" && Peek(1).Text == "in") { Next(); Next(); op = "not in"; }
            else if (Peek().Kind == PyTokenKind.Name && Peek().Text == "is")
            {
                Next();
                op = "is";
                if (Peek().Text == "not") { Next(); op = "is not"; }
            }
            if (op is null) return left;
            left = new PyBinary(op, left, ParseAdditive(), left.Offset);
        }
    }

    private PyExpr ParseAdditive()
    {
        var left = ParsePostfix();
        while (IsOp("+") || IsOp("-") || IsOp("*") || IsOp("/") || IsOp("%") || IsOp("|"))
        {
            var op = Next().Text;
            left = new PyBinary(op, left, ParsePostfix(), left.Offset);
        }
        return left;
    }

    private PyExpr ParsePostfix()
    {
        var expr = ParseAtom();
        while (true)
        {
            if (IsOp(".") && Peek(1).Kind == PyTokenKind.Name) { Next(); expr = new PyAttribute(expr, Next().Text, expr.Offset); }
            else if (IsOp("(")) expr = ParseCall(expr);
            else if (IsOp("[")) { Next(); var index = ParseExpression(); SkipTo("]"); expr = new PySubscript(expr, index, expr.Offset); }
            else return expr;
        }
    }

    private PyCall ParseCall(PyExpr function)
    {
        Next(); // (
        var args = new List<PyExpr>();
        var kwargs = new Dictionary<string, PyExpr>(StringComparer.Ordinal);
        while (!IsOp(")") && Peek().Kind != PyTokenKind.End)
        {
            if (IsOp("*") || IsOp("**")) Next();
            if (Peek().Kind == PyTokenKind.Name && IsOp("=", 1))
            {
                var name = Next().Text;
                Next();
                kwargs[name] = ParseExpression();
            }
            else args.Add(ParseExpression());
            if (IsOp(",")) Next();
            else if (!IsOp(")")) SkipTo(")", consume: false);
        }
        if (IsOp(")")) Next();
        return new PyCall(function, args, kwargs, function.Offset);
    }

    private PyExpr ParseAtom()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case PyTokenKind.String:
                Next();
                var value = t.StringValue!;
                var isFormatted = t.Text.TakeWhile(ch => ch != '"' && ch != '\'').Any(ch => ch is 'f' or 'F');
                while (Peek().Kind == PyTokenKind.String) value += Next().StringValue; // implicit concatenation
                return isFormatted && value.Contains('{') ? new PyOther(t.Text, t.Offset) : new PyLiteral(value, t.Offset);
            case PyTokenKind.Number:
                Next();
                return new PyLiteral(double.TryParse(t.Text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : t.Text, t.Offset);
            case PyTokenKind.Name:
                Next();
                return t.Text switch
                {
                    "True" => new PyLiteral(true, t.Offset),
                    "False" => new PyLiteral(false, t.Offset),
                    "None" => new PyLiteral(null, t.Offset),
                    "lambda" => SkipLambda(t),
                    _ => new PyName(t.Text, t.Offset),
                };
            case PyTokenKind.Op when t.Text is "(" or "[" or "{":
                Next();
                var close = t.Text == "(" ? ")" : t.Text == "[" ? "]" : "}";
                var items = new List<PyExpr>();
                var isDict = false;
                while (!IsOp(close) && Peek().Kind != PyTokenKind.End)
                {
                    items.Add(ParseExpression());
                    if (IsOp(":")) { isDict = true; Next(); ParseExpression(); }
                    if (Peek().Kind == PyTokenKind.Name && Peek().Text == "for") { SkipTo(close, consume: false); return Close(close, new PyOther("comprehension", t.Offset)); }
                    if (IsOp(",")) Next();
                    else if (!IsOp(close)) SkipTo(close, consume: false);
                }
                if (t.Text == "(" && items.Count == 1 && !isDict) return Close(close, items[0]);
                return Close(close, isDict ? new PyOther("dict", t.Offset) : new PySequence(items, t.Offset));
            case PyTokenKind.Op when t.Text == "-" && Peek(1).Kind == PyTokenKind.Number:
                Next();
                var n = Next();
                return new PyLiteral(-double.Parse(n.Text.Replace("_", ""), CultureInfo.InvariantCulture), t.Offset);
            default:
                throw new FormatException("unexpected token");
        }
    }

    private PyExpr SkipLambda(PyToken t)
    {
        while (!IsOp(":") && Peek().Kind is not (PyTokenKind.Newline or PyTokenKind.End)) Next();
        if (IsOp(":")) Next();
        ParseExpression();
        return new PyOther("lambda", t.Offset);
    }

    private PyExpr Close(string close, PyExpr expr)
    {
        if (IsOp(close)) Next();
        return expr;
    }

    private void SkipTo(string close, bool consume = true)
    {
        var depth = 0;
        while (Peek().Kind != PyTokenKind.End)
        {
            if (depth == 0 && IsOp(close)) { if (consume) Next(); return; }
            if (IsOp("(") || IsOp("[") || IsOp("{")) depth++;
            if (IsOp(")") || IsOp("]") || IsOp("}")) depth--;
            Next();
        }
    }
}
