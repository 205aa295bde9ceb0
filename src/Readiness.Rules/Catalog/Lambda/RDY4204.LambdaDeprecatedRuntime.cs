using System.Globalization;
using Readiness.Rules.Catalog.Cloud;
using Readiness.Rules.Engine;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Rules.Catalog.Lambda;

/// <summary>Lambda.2: a runtime past its AWS deprecation date gets no security patches; the dated list is the rule's parameter.</summary>
public sealed class LambdaDeprecatedRuntime : ResourceRule<LambdaFunction>
{
    public override IEnumerable<Finding> Check(LambdaFunction function, RuleContext context)
    {
        var deprecated = Deprecations(context.StringList("deprecated_runtimes"));
        return CloudJudge.Judge(context, function, function.Runtime, nameof(LambdaFunction.Runtime), "uses a supported runtime",
            runtime => runtime is not null && deprecated.TryGetValue(runtime, out var since) && since <= context.Now,
            () => context.OnResource(function,
                $"Lambda function {function.DisplayName} runs on {function.Runtime.Known}, which AWS deprecated on {deprecated[function.Runtime.Known!]:yyyy-MM-dd} and no longer patches; move it to a supported runtime of the same language (for example python3.13 or nodejs22.x) and test it there.",
                nameof(LambdaFunction.Runtime)));
    }

    /// <summary>"python3.8 2024-10-14" entries: the runtime and the day AWS deprecated it.</summary>
    private static Dictionary<string, DateTimeOffset> Deprecations(IReadOnlyList<string> entries) =>
        entries.Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => DateTimeOffset.ParseExact(p[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), StringComparer.Ordinal);
}
