namespace Readiness.Rules.Model.Cloud;

/// <summary>
/// An attribute value that may not be known: IaC often says <c>var.x</c> or <c>!Ref Param</c> where nothing resolves it.
/// Rules must never guess an unknown value: they report it as undecided, naming <see cref="Expression"/>.
/// Sources apply AWS defaults for attributes that are simply absent, so "absent" is a known value here.
/// </summary>
public readonly record struct Value<T>
{
    private Value(bool isKnown, T? known, string? expression)
    {
        IsKnown = isKnown;
        Known = known;
        Expression = expression;
    }

    public bool IsKnown { get; }

    /// <summary>The value, when <see cref="IsKnown"/>.</summary>
    public T? Known { get; }

    /// <summary>The unresolved source expression, when not known (e.g. <c>var.deletion_protection</c>).</summary>
    public string? Expression { get; }

    public static Value<T> Of(T value) => new(true, value, null);
    public static Value<T> Unresolved(string expression) => new(false, default, expression);

    /// <summary>True when the value is known and satisfies the test; false when known and not; null when unknown.</summary>
    public bool? Is(Func<T?, bool> test) => IsKnown ? test(Known) : null;

    public override string ToString() => IsKnown ? Known?.ToString() ?? "null" : $"<{Expression}>";

    public static implicit operator Value<T>(T value) => Of(value);
}
