using System.Net;
using System.Text.RegularExpressions;

namespace Readiness.Rules.Catalog.Http;

/// <summary>A recognized leak in a response body: which detector matched and the excerpt that proves it.</summary>
public sealed record ErrorLeak(string Detector, string Description, string Excerpt);

/// <summary>
/// Recognizes internals in response bodies: framework debug pages, stack traces and database errors. Each detector
/// is a regular expression with a match timeout, because bodies come from the server being scanned.
/// </summary>
public static class ErrorLeaks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static Detector D(string name, string description, string pattern) =>
        new(name, description, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline, Timeout));

    private sealed record Detector(string Name, string Description, Regex Pattern);

    private static readonly Detector[] DebugPageDetectors =
    [
        D("django-debug", "Django's DEBUG = True technical error page",
            @"seeing this error because you have <code>DEBUG = True</code>|you have DEBUG = True in your Django settings|<th>Django Version:</th>"),
        D("aspnetcore-developer-exception-page", "the ASP.NET Core developer exception page",
            @"An unhandled exception occurred while processing the request\.|<pre class=""rawExceptionStackTrace"">"),
        D("aspnet-yellow-screen", "the ASP.NET yellow screen of death with its stack trace",
            @"Server Error in '[^']*' Application\.|<b>\s*Stack Trace:\s*</b>"),
        D("werkzeug-debugger", "the Werkzeug (Flask) interactive debugger",
            @"The debugger caught an exception in your WSGI application|<title>[^<]*// Werkzeug Debugger</title>"),
        D("rails-debug", "the Ruby on Rails debug exception page", @"<h1>\s*[\w:]+ in [\w:/#]+\s*</h1>[\s\S]{0,2000}Rails\.root:"),
        D("laravel-debug", "the Laravel/Symfony debug exception page", @"Illuminate\\[\w\\]+Exception|Symfony\\Component\\ErrorHandler|Whoops\\Handler"),
        D("spring-whitelabel-trace", "the Spring Boot Whitelabel error page with a trace", @"Whitelabel Error Page[\s\S]{0,3000}\bat [\w$.]+\([\w$]+\.java:\d+\)"),
    ];

    // Traces appear as plain text, in <pre> blocks, or joined with <br> (Express), so most patterns are not anchored to lines.
    private static readonly Detector[] StackTraceDetectors =
    [
        D("python-traceback", "a Python traceback", @"Traceback \(most recent call last\):|\bFile (?:""|&quot;)[^""&\r\n]+\.py(?:""|&quot;), line \d+, in \S+"),
        D("java-stack-trace", "a Java stack trace",
            @"(?:\bat |\\tat |\t(?:at )?)[\w$]+(?:\.[\w$<>]+)+\((?:[\w$]+\.(?:java|kt|scala|groovy)(?::\d+)?|Native Method|Unknown Source)\)"),
        D("dotnet-stack-trace", "a .NET stack trace",
            @"^\s*at [^\s(]+\([^)\r\n]*\)(?: in [^\r\n]+:line \d+)?\s*$|\bat [^\s(<]+\([^)\r\n]*\) in [^\r\n<]+:line \d+|--- End of stack trace from previous location ---|--- End of inner exception stack trace ---"),
        D("node-stack-trace", "a Node.js/Express stack trace",
            @"\bat (?:[\w.$<>\[\] ]{1,120} )?\(?(?:/|[A-Za-z]:\\|node:|file://)[^\s)<]+\.(?:m?js|cjs|ts):\d+:\d+\)?|at Layer\.handle \[as handle_request\]"),
        D("php-stack-trace", "a PHP error with its file path",
            @"<b>(?:Fatal error|Warning|Parse error|Notice)</b>:.+ in <b>[^<]+</b> on line <b>\d+</b>|PHP (?:Fatal error|Warning):.+ in /\S+\.php(?: on line |:)\d+|^Stack trace:\s*$\s*^#0 "),
        D("go-panic", "a Go panic trace", @"^goroutine \d+ \[running\]:"),
        D("ruby-backtrace", "a Ruby backtrace", @"(?:^\s*|\bfrom )/[^\s:]+\.rb:\d+:in [`']"),
    ];

    private static readonly Detector[] SqlErrorDetectors =
    [
        D("mysql", "a MySQL error", @"You have an error in your SQL syntax|com\.mysql\.jdbc\.exceptions|MySqlException|mysqli?_\w+\(\): "),
        D("postgresql", "a PostgreSQL error", @"syntax error at or near ""|psycopg2?\.(?:errors\.|ProgrammingError|OperationalError)|PG::\w+Error|Npgsql\.PostgresException|ERROR:\s+relation ""[^""]+"" does not exist"),
        D("sql-server", "a SQL Server error", @"Unclosed quotation mark after the character string|Incorrect syntax near|System\.Data\.SqlClient\.SqlException|Microsoft\.Data\.SqlClient\.SqlException|\[SQL Server\]"),
        D("oracle", "an Oracle database error", @"\bORA-\d{5}:"),
        D("sqlite", "a SQLite error", @"sqlite3\.OperationalError|SQLITE_ERROR|SQLite error|Microsoft\.Data\.Sqlite\.SqliteException"),
        D("orm", "an ORM or driver database error", @"django\.db\.utils\.\w+Error|sqlalchemy\.exc\.\w+|org\.hibernate\.exception\.\w+|java\.sql\.SQLException|SQLSTATE\[\w+\]|Sequelize\w*Error|QueryFailedError"),
    ];

    public static ErrorLeak? DebugPage(string body) => First(DebugPageDetectors, body);

    public static ErrorLeak? StackTrace(string body) => First(StackTraceDetectors, body);

    public static ErrorLeak? SqlError(string body) => First(SqlErrorDetectors, body);

    private static ErrorLeak? First(Detector[] detectors, string body)
    {
        if (body.Length == 0) return null;
        foreach (var detector in detectors)
        {
            Match match;
            try
            {
                match = detector.Pattern.Match(body);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }
            if (match.Success) return new ErrorLeak(detector.Name, detector.Description, Excerpt(body, match));
        }
        return null;
    }

    /// <summary>The line around the match, HTML tags removed and entities decoded, at most about 200 characters.</summary>
    internal static string Excerpt(string body, Match match)
    {
        var start = body.LastIndexOf('\n', Math.Max(match.Index - 1, 0)) + 1;
        var end = body.IndexOf('\n', match.Index + match.Length);
        if (end < 0) end = body.Length;
        if (match.Index - start > 100) start = match.Index - 100;
        if (end - start > 240) end = Math.Min(body.Length, Math.Max(match.Index + match.Length, start + 240));
        string text;
        try
        {
            text = Regex.Replace(body[start..end], "<[^>]{0,200}>", " ", RegexOptions.None, Timeout);
        }
        catch (RegexMatchTimeoutException)
        {
            text = body[start..end]; // a slow machine: the raw line still proves the leak
        }
        text = WebUtility.HtmlDecode(text);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
