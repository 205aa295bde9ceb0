using System.Text.Json;
using Readiness.Rules.Model.Cloud;
using Readiness.Rules.Secrets;
using Readiness.Runner.Sources.Aws.Clients;

namespace Readiness.Runner.Sources.Aws.Services;

public interface ILambdaClient
{
    Task<IReadOnlyList<LambdaFunction>> ListFunctionsAsync(string account, string region, CancellationToken ct);
}

/// <summary>
/// Lambda through its REST-JSON API: ListFunctions (paged by Marker), then per function its resource policy (GetPolicy)
/// and its URLs (ListFunctionUrlConfigs; GetFunctionUrlConfig where an endpoint does not implement the list). AWS has
/// no batch call for either, so a region costs 1 + 2 calls per function.
/// </summary>
public sealed class LambdaClient(AwsSession session) : ILambdaClient
{
    private readonly RestJsonProtocol rest = new(session, "lambda", "lambda");

    public async Task<IReadOnlyList<LambdaFunction>> ListFunctionsAsync(string account, string region, CancellationToken ct)
    {
        var list = new List<LambdaFunction>();
        var pages = new AwsPages("lambda", region, "ListFunctions", session.Transport.Options.MaxPages);
        string? marker = null;
        do
        {
            var query = marker is null ? "" : "&Marker=" + Uri.EscapeDataString(marker);
            var page = await rest.GetAsync(region, "ListFunctions", "/2015-03-31/functions/?MaxItems=50" + query, ct, "Functions").ConfigureAwait(false);
            foreach (var f in page.Arr("Functions"))
            {
                var name = f.Str("FunctionName")!;
                var arn = f.Str("FunctionArn") ?? $"arn:aws:lambda:{region}:{account}:function:{name}";
                var packageType = f.Str("PackageType") ?? LambdaFunction.Defaults.PackageType;
                list.Add(new LambdaFunction
                {
                    Id = name,
                    Name = name,
                    PackageType = packageType,
                    Runtime = packageType == "Image" ? (string?)null : Value<string?>.Of(f.Str("Runtime")).From(ValueOrigin.Live(arn, "Runtime")),
                    // Only whether each value is a real one is kept: the value itself never leaves this method.
                    Environment = f.Obj("Environment").Obj("Variables") is { ValueKind: JsonValueKind.Object } variables
                        ? variables.EnumerateObject().Select(v => new EnvironmentVariable
                        {
                            Name = v.Name,
                            HoldsLiteral = Value<bool>.Of(v.Value.GetString() is { } s && !SecretNames.IsNotAValue(s)).From(ValueOrigin.Live(arn, "Environment.Variables." + v.Name)),
                        }).ToList()
                        : [],
                    LogGroup = new LogGroupTarget
                    {
                        Name = f.Obj("LoggingConfig").Str("LogGroup") is { Length: > 0 } group
                            ? Value<string>.Of(group).From(ValueOrigin.Live(arn, "LoggingConfig.LogGroup"))
                            : Value<string>.Of(LogGroupTargets.Default(name)).From(ValueOrigin.Live(arn, "FunctionName")),
                    },
                    UrlAuthType = await UrlAuthTypeAsync(region, name, ct).ConfigureAwait(false),
                    Permissions = await PermissionsAsync(region, name, ct).ConfigureAwait(false),
                    Provenance = Ec2Client.Live(account, region, arn),
                });
            }
            marker = pages.Next(page.Str("NextMarker"));
        }
        while (marker is not null);
        return list;
    }

    /// <summary>The least restrictive auth type among the function's URLs (NONE wins), null when it has none.</summary>
    private async Task<Value<string?>> UrlAuthTypeAsync(string region, string name, CancellationToken ct)
    {
        var path = $"/2021-10-31/functions/{Uri.EscapeDataString(name)}";
        List<string?> types;
        try
        {
            var page = await rest.GetAsync(region, "ListFunctionUrlConfigs", path + "/urls", ct, "FunctionUrlConfigs").ConfigureAwait(false);
            types = page.Arr("FunctionUrlConfigs").Select(u => u.Str("AuthType")).ToList();
        }
        catch (AwsCallException e) when (e.Code == "HTTP 404")
        {
            // An endpoint without the list call (moto) still answers for the function's own URL.
            try
            {
                var url = await rest.GetAsync(region, "GetFunctionUrlConfig", path + "/url", ct).ConfigureAwait(false);
                types = [url.Str("AuthType")];
            }
            catch (AwsCallException none) when (none.Code == "ResourceNotFoundException")
            {
                types = [];
            }
        }
        if (types.Count == 0) return (string?)null;
        return types.Contains("NONE") ? "NONE" : types[0];
    }

    /// <summary>The statements of the function's resource policy; a function without one answers ResourceNotFoundException.</summary>
    private async Task<IReadOnlyList<LambdaPermission>> PermissionsAsync(string region, string name, CancellationToken ct)
    {
        JsonElement answer;
        try
        {
            answer = await rest.GetAsync(region, "GetPolicy", $"/2015-03-31/functions/{Uri.EscapeDataString(name)}/policy", ct, "Policy").ConfigureAwait(false);
        }
        catch (AwsCallException e) when (e.Code == "ResourceNotFoundException")
        {
            return [];
        }
        // The one policy reader: the permission's conditions are judged by the same definition as every other policy's.
        var policy = PolicyDocuments.Parse(answer.Str("Policy") ?? "{}");
        return policy.Statements.Where(s => s.IsAllow).Select(s => new LambdaPermission
        {
            StatementId = s.Sid,
            Principal = s.AllowsAnyone ? "*" : s.Principals.FirstOrDefault()?.Id ?? "",
            Action = s.Actions.FirstOrDefault(),
            Conditions = s.Conditions,
            ConditionsKnown = s.ConditionsKnown,
        }).ToList();
    }
}
