using System.Text.RegularExpressions;
using Readiness.Rules.Engine;
using Readiness.Rules.Languages.Docker;
using Readiness.Rules.Model;

namespace Readiness.Rules.Catalog.Containers;

/// <summary>The image starts a development server: manage.py runserver, flask run --debug, node --inspect, npm run dev, vite, nodemon.</summary>
public sealed partial class DockerfileDebugServerEntrypoint : DockerfileRule
{
    [GeneratedRegex(@"manage\.py\s+runserver|\bflask\b(?=.*\brun\b)(?=.*--debug\b)|\bflask\s+--debug\b|\bnode\b[^;&|]*--inspect(?:-brk)?\b|\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:dev|start:dev|serve)\b|\bnodemon\b|\bvite(?!\s+(?:build|preview))\b(?!\.)|\buvicorn\b[^;&|]*--reload\b|\bng\s+serve\b|\bwebpack-dev-server\b|\bdotnet\s+watch\b")]
    private static partial Regex DebugServer();

    /// <summary>The development server a command starts ("manage.py runserver", "nodemon"), or null.</summary>
    internal static string? DevelopmentServer(string command) => DebugServer().Match(command) is { Success: true } m ? m.Value.Trim() : null;

    protected override IEnumerable<Finding> Check(Dockerfile dockerfile, DockerStage final, ContainerEvidence containers, RuleContext context)
    {
        foreach (var keyword in new[] { "ENTRYPOINT", "CMD" })
        {
            var start = DockerfileFacts.Last(final, keyword);
            if (start is null || DebugServer().Match(start.CommandText) is not { Success: true } m) continue;
            yield return At(context, dockerfile, start,
                $"The image built by {dockerfile.File.Path} starts a development server ('{m.Value.Trim()}' in {keyword}), which serves debug pages, reloads code and is not built for production traffic; start a production server instead (gunicorn or uvicorn without --reload for Python, `node server.js` or a built bundle behind nginx for Node) and keep the development command in a compose override.",
                fingerprintKey: "debug:" + m.Value.Trim());
            yield break;
        }
    }
}
