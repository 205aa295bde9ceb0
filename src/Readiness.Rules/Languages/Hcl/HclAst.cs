namespace Readiness.Rules.Languages.Hcl;

/// <summary>A parsed HCL2 file: its top-level body, and the syntax error that stopped the reader, if any.</summary>
public sealed record HclFile(string Path, HclBody Body, HclSyntaxError? Error);

/// <summary>Where and why the reader stopped. Blocks completed before the error are still in the body.</summary>
public sealed record HclSyntaxError(int Line, int Column, string Message);

/// <summary>A body: attributes and nested blocks, in source order.</summary>
public sealed class HclBody
{
    public List<HclAttribute> Attributes { get; } = [];
    public List<HclBlock> Blocks { get; } = [];

    public HclAttribute? Attribute(string name) => Attributes.LastOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOf(string type) => Blocks.Where(b => b.Type == type);
}

public sealed record HclAttribute(string Name, HclExpr Value, int Line, int Column);

public sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, int Line, int Column)
{
    public string? Label(int index) => index < Labels.Count ? Labels[index] : null;
}

/// <summary>An expression with its position and its source text (used to name it when it cannot be resolved).</summary>
public abstract record HclExpr(int Line, int Column, string Text);

/// <summary>A string, number (decimal), bool or null literal.</summary>
public sealed record HclLiteral(object? Value, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

/// <summary>A quoted string or heredoc: literal parts (string), interpolations (HclExpr) and directives (<see cref="HclTemplateIf"/>, <see cref="HclTemplateFor"/>).</summary>
public sealed record HclTemplate(IReadOnlyList<object> Parts, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclTuple(IReadOnlyList<HclExpr> Items, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclObjectItem(HclExpr Key, HclExpr Value, int Line);

public sealed record HclObject(IReadOnlyList<HclObjectItem> Items, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

/// <summary>A bare name: the root of a traversal (var, local, module, aws_s3_bucket, each, count...).</summary>
public sealed record HclVariable(string Name, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclGetAttr(HclExpr Target, string Name, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclIndex(HclExpr Target, HclExpr Key, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

/// <summary>A splat (<c>x[*]</c>, <c>x.*</c>): the attributes and indexes that follow apply to each element.</summary>
public sealed record HclSplat(HclExpr Target, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclCall(string Name, IReadOnlyList<HclExpr> Args, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclConditional(HclExpr Condition, HclExpr WhenTrue, HclExpr WhenFalse, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclBinary(string Op, HclExpr Left, HclExpr Right, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

public sealed record HclUnary(string Op, HclExpr Operand, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

/// <summary>
/// A for-expression: <c>[for k, v in coll : value if cond]</c>, or with <see cref="KeyExpr"/> the object form
/// <c>{for k, v in coll : key => value... if cond}</c> (<see cref="Grouping"/> for the <c>...</c> suffix).
/// </summary>
public sealed record HclFor(string? KeyVar, string ValueVar, HclExpr Collection, HclExpr? KeyExpr, HclExpr ValueExpr, HclExpr? Condition,
    bool Grouping, int Line, int Column, string Text) : HclExpr(Line, Column, Text);

/// <summary>A template <c>%{ if }...%{ else }...%{ endif }</c>: parts as in <see cref="HclTemplate"/>.</summary>
public sealed record HclTemplateIf(HclExpr Condition, IReadOnlyList<object> WhenTrue, IReadOnlyList<object> WhenFalse, int Line, int Column, string Text)
    : HclExpr(Line, Column, Text);

/// <summary>A template <c>%{ for k, v in coll }...%{ endfor }</c>.</summary>
public sealed record HclTemplateFor(string? KeyVar, string ValueVar, HclExpr Collection, IReadOnlyList<object> Body, int Line, int Column, string Text)
    : HclExpr(Line, Column, Text);
