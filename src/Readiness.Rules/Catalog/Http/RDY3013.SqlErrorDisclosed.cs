namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-3: a database error in a response: it reveals the schema and often an injectable query.</summary>
public sealed class SqlErrorDisclosed : ErrorLeakRule
{
    protected override ErrorLeak? Detect(string body) => ErrorLeaks.SqlError(body);

    protected override string Advice =>
        "return a generic error instead of the database message, log the details server-side, and check that query for injection (use parameters, never string concatenation).";
}
