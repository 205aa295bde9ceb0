namespace Readiness.Rules.Model.Cloud;

/// <summary>What every <see cref="Value{T}"/> exposes without its type: whether it is known, and where it came from.</summary>
public interface IValue
{
    bool IsKnown { get; }
    string? Expression { get; }
    ValueOrigin? Origin { get; }

    /// <summary>The same value, recorded as set at <paramref name="origin"/>.</summary>
    IValue WithOrigin(ValueOrigin? origin);
}

/// <summary>
/// An attribute value that may not be known: IaC often says <c>var.x</c> or <c>!Ref Param</c> where nothing resolves it.
/// Rules must never guess an unknown value: they report it as undecided, naming <see cref="Expression"/>.
/// Sources apply AWS defaults (the <c>Defaults</c> of each model record) for attributes that are simply absent, so
/// "absent" is a known value here. <see cref="Origin"/> says where the value was set; it is not part of equality, so
/// code and live values compare by what they are.
/// </summary>
public readonly record struct Value<T> : IValue
{
    private Value(bool isKnown, T? known, string? expression, ValueOrigin? origin)
    {
        IsKnown = isKnown;
        Known = known;
        Expression = expression;
        Origin = origin;
    }

    public bool IsKnown { get; }

    /// <summary>The value, when <see cref="IsKnown"/>.</summary>
    public T? Known { get; }

    /// <summary>The unresolved source expression, when not known (e.g. <c>var.deletion_protection</c>).</summary>
    public string? Expression { get; }

    /// <summary>Where the value was set (file, line and the way it travelled, or ARN and API field); null for a default.</summary>
    public ValueOrigin? Origin { get; }

    public static Value<T> Of(T value) => new(true, value, null, null);
    public static Value<T> Unresolved(string expression) => new(false, default, expression, null);

    /// <summary>The same value, recorded as set at <paramref name="origin"/>.</summary>
    public Value<T> From(ValueOrigin? origin) => new(IsKnown, Known, Expression, origin);

    IValue IValue.WithOrigin(ValueOrigin? origin) => From(origin);

    /// <summary>True when the value is known and satisfies the test; false when known and not; null when unknown.</summary>
    public bool? Is(Func<T?, bool> test) => IsKnown ? test(Known) : null;

    public bool Equals(Value<T> other) =>
        IsKnown == other.IsKnown && EqualityComparer<T?>.Default.Equals(Known, other.Known) && Expression == other.Expression;

    public override int GetHashCode() => HashCode.Combine(IsKnown, Known, Expression);

    public override string ToString() => IsKnown ? Known?.ToString() ?? "null" : $"<{Expression}>";

    public static implicit operator Value<T>(T value) => Of(value);
}

/// <summary>
/// Where a value was set: for IaC the file, line and column of the literal (a tfvars line, a module argument, the
/// attribute itself), with <see cref="Via"/> the places it then travelled through, nearest first (the module argument
/// that passed it, the attribute that reads it); for a live value the resource ARN and the API field.
/// </summary>
public sealed record ValueOrigin
{
    public string? File { get; init; }
    public int Line { get; init; }
    public int Column { get; init; }
    public string? Arn { get; init; }
    public string? Field { get; init; }

    /// <summary>What this step is, for a related location: "variable value", "module argument", "attribute".</summary>
    public string? Role { get; init; }

    public IReadOnlyList<ValueOrigin> Via { get; init; } = [];

    public static ValueOrigin InFile(string file, int line, int column = 0, string? role = null) =>
        new() { File = file, Line = line, Column = column, Role = role };

    public static ValueOrigin Live(string? arn, string field) => new() { Arn = arn, Field = field };

    public bool InFileAt => File is not null && Line > 0;

    /// <summary>A value an AWS API returned: the field it was read from.</summary>
    public bool IsLive => Field is not null && File is null;
}
