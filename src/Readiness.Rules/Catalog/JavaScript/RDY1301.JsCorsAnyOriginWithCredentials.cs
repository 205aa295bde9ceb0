using Readiness.Rules.Engine;
using Readiness.Rules.Languages.JavaScript;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.JavaScript;

/// <summary>
/// CORS for Express (cors), Fastify (@fastify/cors), NestJS (enableCors) and Next.js headers(): every origin allowed
/// (origin: true, "*", or a callback that accepts or reflects any origin) together with credentials: true.
/// </summary>
public sealed class JsCorsAnyOriginWithCredentials : FileRule
{
    private const string AllowOrigin = "Access-Control-Allow-Origin";
    private const string AllowCredentials = "Access-Control-Allow-Credentials";

    public override bool AppliesTo(SourceFile file) => JsFiles.IsApplicationCode(file, "credentials", AllowCredentials);

    public override IEnumerable<Finding> Check(SourceFile file, RuleContext context)
    {
        var doc = JsDocument.Parse(file);
        foreach (var call in doc.Calls())
        {
            var options = OptionsArgument(doc, call);
            if (options is null) continue;
            var properties = doc.ObjectProperties(options.Value);
            var credentials = properties.LastOrDefault(p => p.Key == "credentials");
            var origin = properties.LastOrDefault(p => p.Key == "origin");
            if (credentials is null || origin is null || !doc.IsTrue(credentials.Value)) continue;
            var how = OriginAllowsEveryone(doc, origin.Value);
            if (how is null) continue;
            yield return context.AtLine(file, doc.LineOf(origin.KeyIndex),
                $"The CORS options in {file.Path} set origin to {how} with credentials: true, so {(how == "\"*\"" ? "browsers refuse credentialed calls and the usual next step, reflecting any origin, lets every website" : "any website can")} make logged-in requests and read the responses; list the trusted origins (origin: [\"https://app.example.com\"]).",
                fingerprintKey: "cors:" + doc.Text(origin.Value));
        }

        foreach (var finding in HeaderPairs(doc, file, context)) yield return finding;
    }

    // cors({...}), app.enableCors({...}), fastify.register(cors, {...}).
    private static JsRange? OptionsArgument(JsDocument doc, JsCall call)
    {
        var last = call.Callee.Split('.')[^1];
        if (last is "cors" or "enableCors" or "fastifyCors" or "corsMiddleware" && call.Args.Count >= 1) return call.Args[0];
        if (last == "register" && call.Args.Count >= 2 && doc.Text(call.Args[0]).Contains("cors", StringComparison.OrdinalIgnoreCase)) return call.Args[1];
        return null;
    }

    private static string? OriginAllowsEveryone(JsDocument doc, JsRange value)
    {
        if (doc.IsTrue(value)) return "true";
        if (doc.StringValue(value) == "*") return "\"*\"";
        if (doc[value.Start].Is("[") && doc.Match(value.Start) + 1 == value.End
            && doc.SplitTopLevel(value.Start + 1, value.End - 1).Any(r => doc.StringValue(r) == "*")) return "[\"*\"]";
        var f = doc.FunctionAt(value);
        if (f is null || f.Parameters.Count < 2) return null;
        // (origin, callback) => callback(null, true) or callback(null, origin): accepts or reflects every origin.
        var callback = f.Parameters[1];
        var accepts = doc.Calls().Any(c => f.Body.Contains(c.Open) && c.Callee == callback && c.Args.Count == 2
            && doc.Text(c.Args[0]) == "null" && (doc.IsTrue(c.Args[1]) || doc.Text(c.Args[1]) == f.Parameters[0]));
        var guarded = Enumerable.Range(f.Body.Start, f.Body.End - f.Body.Start).Any(i => doc[i].IsName("if") || doc[i].Is("?"));
        return accepts && !guarded ? "a callback that accepts every origin" : null;
    }

    // res.setHeader("Access-Control-Allow-Origin", req.headers.origin | "*") with Allow-Credentials "true", or the same
    // pair as { key, value } objects in next.config.js headers().
    private static IEnumerable<Finding> HeaderPairs(JsDocument doc, SourceFile file, RuleContext context)
    {
        var origins = new List<(int Index, string How)>();
        var credentials = false;
        foreach (var call in doc.Calls().Where(c => c.Callee.Split('.')[^1] is "setHeader" or "header" or "set" && c.Args.Count == 2))
        {
            var name = doc.StringValue(call.Args[0]);
            if (string.Equals(name, AllowCredentials, StringComparison.OrdinalIgnoreCase)) credentials |= doc.StringValue(call.Args[1]) == "true" || doc.IsTrue(call.Args[1]);
            else if (string.Equals(name, AllowOrigin, StringComparison.OrdinalIgnoreCase) && OriginHeaderValue(doc, call.Args[1]) is { } how) origins.Add((call.Args[1].Start, how));
        }
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            if (!doc[i].Is("{") || doc.Match(i) < 0) continue;
            var props = doc.ObjectProperties(new JsRange(i, doc.Match(i) + 1));
            var key = props.FirstOrDefault(p => p.Key == "key") is { } k ? doc.StringValue(k.Value) : null;
            var value = props.FirstOrDefault(p => p.Key == "value") is { } v ? doc.StringValue(v.Value) : null;
            if (string.Equals(key, AllowCredentials, StringComparison.OrdinalIgnoreCase) && value == "true") credentials = true;
            if (string.Equals(key, AllowOrigin, StringComparison.OrdinalIgnoreCase) && value == "*") origins.Add((props.First(p => p.Key == "value").Value.Start, "\"*\""));
        }
        if (!credentials) yield break;
        foreach (var (index, how) in origins)
            yield return context.AtLine(file, doc.LineOf(index),
                $"{file.Path} sends {AllowOrigin}: {how} together with {AllowCredentials}: true, so {(how == "\"*\"" ? "credentialed calls are refused by browsers and the usual fix, reflecting the origin, lets every website" : "every website can")} make logged-in requests and read the responses; answer only origins from an allow-list.",
                fingerprintKey: "header:" + how);
    }

    private static string? OriginHeaderValue(JsDocument doc, JsRange value)
    {
        if (doc.StringValue(value) == "*") return "\"*\"";
        var text = doc.Text(value);
        return text.EndsWith("headers.origin", StringComparison.Ordinal) || text.Contains("header(\"origin\")", StringComparison.OrdinalIgnoreCase)
            || text.Contains("header('origin')", StringComparison.OrdinalIgnoreCase) || text.Contains("get('origin')", StringComparison.OrdinalIgnoreCase)
            || text.Contains("get(\"origin\")", StringComparison.OrdinalIgnoreCase)
            ? "the request's own Origin" : null;
    }
}
