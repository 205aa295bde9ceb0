using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.JavaScript;

/// <summary>
/// SHIELD-3: error handlers that send err.stack, or err.message of an unexpected error, to the client: Express error
/// middleware (err, req, res, next), Fastify setErrorHandler, and catch blocks that answer with status 500.
/// </summary>
public sealed class JsErrorDetailsToClient : FileRule
{
    private static readonly HashSet<string> ResponseMethods = ["send", "json", "end", "write", "jsonp", "render"];

    public override bool AppliesTo(SourceFile file) => JsFiles.IsApplicationCode(file, ".stack", ".message");

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = JsDocument.Parse(file);
        var calls = doc.Calls().ToList();
        var handlers = new List<(string Error, string? Response, JsRange Body, bool AlwaysUnexpected)>();
        var fastifyHandlers = calls.Where(c => c.Callee.EndsWith("setErrorHandler", StringComparison.Ordinal) && c.Args.Count > 0).Select(c => c.Args[0].Start).ToHashSet();
        foreach (var f in JsFiles.Functions(doc))
        {
            if (f.Parameters.Count == 4 && JsFiles.IsErrorName(f.Parameters[0])) handlers.Add((f.Parameters[0], f.Parameters[2], f.Body, true));
            else if (fastifyHandlers.Contains(f.Start) && f.Parameters.Count >= 3) handlers.Add((f.Parameters[0], f.Parameters[2], f.Body, true));
        }
        for (var i = 0; i + 3 < doc.Tokens.Count; i++)
        {
            // catch (e) { ... }
            if (!doc[i].IsName("catch") || !doc[i + 1].Is("(") || doc[i + 2].Kind != JsTokenKind.Identifier) continue;
            var close = doc.Match(i + 1);
            if (close < 0 || !doc[close + 1].Is("{") || doc.Match(close + 1) < 0) continue;
            handlers.Add((doc[i + 2].Text, null, new JsRange(close + 1, doc.Match(close + 1) + 1), false));
        }

        var reported = new HashSet<int>();
        foreach (var (error, response, body, alwaysUnexpected) in handlers)
        {
            if (MentionsEnvironment(doc, body)) continue;
            foreach (var call in CallsWithin(calls, body).Where(c => IsResponseCall(c, response)))
            {
                var args = new JsRange(call.Open + 1, call.Close);
                var unexpected = alwaysUnexpected || StatusOf(doc, call) >= 500;
                foreach (var at in Aliases(doc, body, error).SelectMany(name => doc.MemberAccesses(args, name, "stack", "message")))
                {
                    var member = doc[at + 2].Text;
                    var name = doc[at].Text;
                    if (member == "message" && !unexpected) continue;
                    if (!reported.Add(at)) continue;
                    yield return context.AtLine(file, doc.LineOf(at),
                        $"The error handler in {file.Path} sends {name}.{member} to the client, which exposes {(member == "stack" ? "file paths, library versions and code structure" : "internal details such as SQL errors, hostnames and file paths")}; log it server-side and answer with a generic message and a request id.",
                        fingerprintKey: $"{name}.{member}:{doc.Text(new JsRange(call.Open - 1, call.Open))}");
                }
            }
        }
    }

    // Calls are in source order: find the first one inside the body by binary search, so a bundle with thousands of
    // catch blocks stays linear-logarithmic instead of quadratic.
    private static IEnumerable<JsCall> CallsWithin(List<JsCall> calls, JsRange body)
    {
        int lo = 0, hi = calls.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (calls[mid].Open < body.Start) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < calls.Count && calls[i].Open < body.End; i++) yield return calls[i];
    }

    // catch (err) { const error = err as Error; ... }: the names that hold the caught error.
    private static IEnumerable<string> Aliases(JsDocument doc, JsRange body, string error)
    {
        yield return error;
        for (var i = body.Start; i + 3 < body.End; i++)
        {
            if (doc[i].Kind == JsTokenKind.Identifier && doc[i].Text is "const" or "let" or "var"
                && doc[i + 1].Kind == JsTokenKind.Identifier && doc[i + 2].Is("=") && doc[i + 3].IsName(error))
                yield return doc[i + 1].Text;
        }
    }

    private static bool IsResponseCall(JsCall call, string? response)
    {
        var parts = call.Callee.Split('.');
        var method = parts[^1];
        if (call.Callee is "NextResponse.json" or "Response.json") return true;
        if (!ResponseMethods.Contains(method)) return false;
        var receiver = parts[0].Replace("()", "", StringComparison.Ordinal);
        return response is not null ? receiver == response : receiver is "res" or "reply" or "response" or "ctx";
    }

    // res.status(500).json(...), reply.code(502).send(...), NextResponse.json(body, { status: 500 }).
    private static int StatusOf(JsDocument doc, JsCall call)
    {
        for (var i = call.Open - 1; i > 1 && i > call.Open - 40; i--)
        {
            if (doc[i].Kind == JsTokenKind.Number && doc[i - 1].Is("(") && doc[i - 2].Kind == JsTokenKind.Identifier && doc[i - 2].Text is "status" or "code" or "sendStatus" or "writeHead")
                return int.TryParse(doc[i].Text, out var s) ? s : 0;
            if (doc[i].Is(";") || doc[i].Is("{")) break;
        }
        if (call.Args.Count == 2)
        {
            var status = doc.ObjectProperties(call.Args[1]).FirstOrDefault(p => p.Key == "status");
            if (status is not null && int.TryParse(doc.Text(status.Value), out var s)) return s;
        }
        return 0;
    }

    // Handlers that choose what to show by environment (NODE_ENV, isProduction, app.get("env")) are trusted.
    private static bool MentionsEnvironment(JsDocument doc, JsRange body)
    {
        for (var i = body.Start; i < body.End; i++)
        {
            var t = doc[i];
            if (t.Kind == JsTokenKind.Identifier && (t.Text is "NODE_ENV" or "isProduction" or "isProd" or "isDev" or "isDevelopment" or "IS_PRODUCTION" or "production" or "development"))
                return true;
            if (t.Kind == JsTokenKind.String && t.Value is "production" or "development" or "env") return true;
        }
        return false;
    }
}
