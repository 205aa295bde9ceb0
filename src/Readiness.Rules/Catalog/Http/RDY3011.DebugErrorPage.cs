namespace Readiness.Rules.Catalog.Http;

/// <summary>SHIELD-3 / CSEC-19: a framework's debug error page (Django DEBUG, ASP.NET developer page, Werkzeug) in production.</summary>
public sealed class DebugErrorPage : ErrorLeakRule
{
    protected override ErrorLeak? Detect(string body) => ErrorLeaks.DebugPage(body);

    protected override string Advice =>
        "turn debug mode off in production (Django DEBUG = False, ASP.NET UseExceptionHandler instead of UseDeveloperExceptionPage, Flask debug=False) and serve a generic error page.";
}
