namespace Readiness.Rules.Languages.Python;

/// <summary>The expressions Readiness needs to follow in settings files. Anything else parses as <see cref="PyOther"/>.</summary>
public abstract record PyExpr(int Offset);
public sealed record PyLiteral(object? Value, int Offset) : PyExpr(Offset);
public sealed record PyName(string Dotted, int Offset) : PyExpr(Offset);
public sealed record PySequence(IReadOnlyList<PyExpr> Items, int Offset) : PyExpr(Offset);
public sealed record PyCall(PyExpr Function, IReadOnlyList<PyExpr> Args, IReadOnlyDictionary<string, PyExpr> Kwargs, int Offset) : PyExpr(Offset);
public sealed record PyAttribute(PyExpr Target, string Name, int Offset) : PyExpr(Offset);
public sealed record PySubscript(PyExpr Target, PyExpr Index, int Offset) : PyExpr(Offset);
public sealed record PyBinary(string Op, PyExpr Left, PyExpr Right, int Offset) : PyExpr(Offset);
public sealed record PyNot(PyExpr Operand, int Offset) : PyExpr(Offset);
public sealed record PyOther(string Text, int Offset) : PyExpr(Offset);

/// <summary>
/// An assignment <c>TARGET = value</c> (or annotated <c>TARGET: type = value</c>). Indent is the column of the
/// statement; ClassName is the enclosing class for class-body assignments (pydantic settings); Line is 1-based.
/// </summary>
public sealed record PyAssignment(string Target, PyExpr Value, int Line, int Indent, string? ClassName, string? Annotation);

/// <summary>A call statement or call inside an expression statement, e.g. <c>app.run(debug=True)</c>.</summary>
public sealed record PyCallStatement(PyCall Call, int Line);

/// <summary>A class statement: its name, the dotted names of its bases (<c>BaseSettings</c>, <c>pydantic.BaseSettings</c>) and its line.</summary>
public sealed record PyClass(string Name, IReadOnlyList<string> Bases, int Line);

public sealed record PyModule(IReadOnlyList<PyAssignment> Assignments, IReadOnlyList<PyCallStatement> Calls, IReadOnlyList<PyClass> Classes)
{
    /// <summary>The last module-level assignment to a name: the value Django will see.</summary>
    public PyAssignment? LastTopLevel(string name) => Assignments.LastOrDefault(a => a.Target == name && a.Indent == 0 && a.ClassName is null);

    /// <summary>All assignments to a name, at any level (inside if-blocks too).</summary>
    public IEnumerable<PyAssignment> All(string name) => Assignments.Where(a => a.Target == name);

    /// <summary>True when the module star-imports another one (<c>from .base import *</c>): settings may be inherited from it.</summary>
    public bool HasStarImport { get; init; }
}
