using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Readiness.Tests.Aws;

/// <summary>How the connection behaves besides the answer: for the fault suite.</summary>
public enum FakeFault
{
    None,
    /// <summary>Close the connection without an answer.</summary>
    Reset,
    /// <summary>Never answer.</summary>
    Hang,
    /// <summary>Announce the whole body, send half of it, close.</summary>
    CutShort,
}

/// <summary>One canned AWS answer: status, content type and body exactly as AWS sends them.</summary>
public sealed record FakeAnswer(int Status, string ContentType, string Body, FakeFault Fault = FakeFault.None)
{
    public static FakeAnswer Xml(string body, int status = 200) => new(status, "text/xml", body);
    public static FakeAnswer Json(string body, int status = 200) => new(status, "application/x-amz-json-1.1", body);
    public static FakeAnswer Reset() => new(200, "text/xml", "", FakeFault.Reset);
    public static FakeAnswer Hang() => new(200, "text/xml", "", FakeFault.Hang);
}

/// <summary>
/// A loopback Kestrel endpoint that answers AWS API calls with documented XML/JSON, for what moto lacks (paged
/// answers, response headers policies, ListResourcesForWebACL) and for failures (throttling, access denied).
/// Operations are named "service:Operation" (service = SigV4 signing name); each has a queue of answers whose last
/// one repeats. Operations without answers get an empty, valid answer.
/// </summary>
public sealed class FakeAws : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeAnswer> last = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Operation, string Body)> Requests { get; } = new();

    private readonly Uri? upstream;
    private readonly HttpClient forwarder = new();

    private FakeAws(WebApplication app, Uri? upstream)
    {
        this.app = app;
        this.upstream = upstream;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Starts the endpoint; with <paramref name="upstream"/> (a moto server) it forwards every call it has no answer for.</summary>
    public static async Task<FakeAws> StartAsync(Uri? upstream = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeAws(app, upstream);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return fake;
    }

    public FakeAws On(string operation, params FakeAnswer[] sequence)
    {
        answers[operation] = new ConcurrentQueue<FakeAnswer>(sequence);
        return this;
    }

    /// <summary>Answers for the calls of an operation whose body contains <paramref name="bodyContains"/> (e.g. one WAF scope).</summary>
    public FakeAws On(string operation, string bodyContains, params FakeAnswer[] sequence)
    {
        answers[operation + "|" + bodyContains] = new ConcurrentQueue<FakeAnswer>(sequence);
        return this;
    }

    /// <summary>Answers the n-th call (from 1) of an operation with <paramref name="answer"/>(n): endless fresh pages.</summary>
    public FakeAws OnEach(string operation, Func<int, FakeAnswer> answer)
    {
        generated[operation] = answer;
        return this;
    }

    private readonly ConcurrentDictionary<string, Func<int, FakeAnswer>> generated = new(StringComparer.Ordinal);

    public int Count(string operation) => Requests.Count(r => r.Operation == operation);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var auth = context.Request.Headers.Authorization.ToString();
        var service = auth.Split('/').ElementAtOrDefault(3) ?? "";
        var operation = $"{service}:{OperationOf(context.Request, body)}";
        Requests.Enqueue((operation, body));
        var filtered = answers.Keys.FirstOrDefault(k => k.StartsWith(operation + "|", StringComparison.Ordinal) && body.Contains(k[(operation.Length + 1)..], StringComparison.Ordinal));
        var answer = filtered is null ? Next(operation) : Next(filtered);
        if (generated.TryGetValue(operation, out var generate)) answer = generate(Count(operation));
        if (answer is null && upstream is not null)
        {
            await ForwardAsync(context, body);
            return;
        }
        answer ??= Default(operation, body);
        switch (answer.Fault)
        {
            case FakeFault.Reset:
                context.Abort();
                return;
            case FakeFault.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
                return;
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        if (answer.Fault == FakeFault.CutShort)
        {
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        await context.Response.WriteAsync(answer.Body);
    }

    private async Task ForwardAsync(HttpContext context, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstream!, context.Request.Path + context.Request.QueryString));
        if (context.Request.Method != "GET") request.Content = new StringContent(body, Encoding.UTF8);
        foreach (var (name, value) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, value.ToArray())) request.Content?.Headers.Remove(name);
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) request.Content?.Headers.TryAddWithoutValidation(name, value.ToArray());
        }
        using var response = await forwarder.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.WriteAsync(await response.Content.ReadAsStringAsync());
    }

    private FakeAnswer? Next(string operation)
    {
        if (!answers.TryGetValue(operation, out var queue)) return null;
        if (queue.TryDequeue(out var answer)) return last[operation] = answer;
        return last.GetValueOrDefault(operation);
    }

    private static string OperationOf(HttpRequest request, string body)
    {
        if (request.Headers.TryGetValue("X-Amz-Target", out var target)) return target.ToString().Split('.').Last();
        var action = body.Split('&').FirstOrDefault(p => p.StartsWith("Action=", StringComparison.Ordinal));
        if (action is not null) return action["Action=".Length..];
        var path = request.Path.Value ?? "";
        if (path.EndsWith("/config", StringComparison.Ordinal)) return "GetDistributionConfig";
        if (path.EndsWith("/distribution", StringComparison.Ordinal)) return "ListDistributions";
        if (path.EndsWith("/response-headers-policy", StringComparison.Ordinal)) return "ListResponseHeadersPolicies";
        if (path == "/2015-03-31/functions/") return "ListFunctions";
        return path;
    }

    // Classic (2012-06-01) and v2 (2015-12-01) Elastic Load Balancing share the signing name; the Version tells them apart.
    private static FakeAnswer Default(string operation, string body) => operation switch
    {
        "elasticloadbalancing:DescribeLoadBalancers" when body.Contains("Version=2012-06-01", StringComparison.Ordinal) =>
            QueryEmpty("DescribeLoadBalancers", "LoadBalancerDescriptions", "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/"),
        "elasticloadbalancing:DescribeTags" => QueryEmpty("DescribeTags", "TagDescriptions",
            body.Contains("Version=2012-06-01", StringComparison.Ordinal) ? "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/" : "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"),
        "sts:GetCallerIdentity" => FakeAnswer.Xml("""
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/scanner</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """),
        "ec2:DescribeRegions" => FakeAnswer.Xml("""
            <DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
              <regionInfo><item><regionName>eu-west-2</regionName><regionEndpoint>ec2.eu-west-2.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item></regionInfo>
            </DescribeRegionsResponse>
            """),
        "iam:GenerateCredentialReport" => FakeAnswer.Xml("""
            <GenerateCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GenerateCredentialReportResult><State>COMPLETE</State></GenerateCredentialReportResult>
            </GenerateCredentialReportResponse>
            """),
        "iam:GetCredentialReport" => FakeAnswer.Xml($"""
            <GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetCredentialReportResult><Content>{Convert.ToBase64String(Encoding.UTF8.GetBytes("user,arn,password_enabled,mfa_active,access_key_1_active,access_key_2_active\n<root_account>,arn:aws:iam::123456789012:root,not_supported,true,false,false\n"))}</Content><ReportFormat>text/csv</ReportFormat></GetCredentialReportResult>
            </GetCredentialReportResponse>
            """),
        "iam:GetAccountPasswordPolicy" => FakeAnswer.Xml("""
            <GetAccountPasswordPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetAccountPasswordPolicyResult><PasswordPolicy><MinimumPasswordLength>14</MinimumPasswordLength><PasswordReusePrevention>24</PasswordReusePrevention><RequireSymbols>true</RequireSymbols><RequireNumbers>true</RequireNumbers><RequireUppercaseCharacters>true</RequireUppercaseCharacters><RequireLowercaseCharacters>true</RequireLowercaseCharacters></PasswordPolicy></GetAccountPasswordPolicyResult>
            </GetAccountPasswordPolicyResponse>
            """),
        // An account with nothing in it still answers with its (empty) lists.
        "iam:GetAccountAuthorizationDetails" => FakeAnswer.Xml("""<GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/></GetAccountAuthorizationDetailsResult></GetAccountAuthorizationDetailsResponse>"""),
        "ec2:DescribeSecurityGroups" => Ec2Empty("DescribeSecurityGroups", "securityGroupInfo"),
        "ec2:DescribeVpcs" => Ec2Empty("DescribeVpcs", "vpcSet"),
        "ec2:DescribeFlowLogs" => Ec2Empty("DescribeFlowLogs", "flowLogSet"),
        "ec2:DescribeRouteTables" => Ec2Empty("DescribeRouteTables", "routeTableSet"),
        "ec2:DescribeVolumes" => Ec2Empty("DescribeVolumes", "volumeSet"),
        "ec2:DescribeInstances" => Ec2Empty("DescribeInstances", "reservationSet"),
        "rds:DescribeDBInstances" => QueryEmpty("DescribeDBInstances", "DBInstances", "http://rds.amazonaws.com/doc/2014-10-31/"),
        "rds:DescribeDBClusters" => QueryEmpty("DescribeDBClusters", "DBClusters", "http://rds.amazonaws.com/doc/2014-10-31/"),
        "rds:DescribeDBSnapshots" => QueryEmpty("DescribeDBSnapshots", "DBSnapshots", "http://rds.amazonaws.com/doc/2014-10-31/"),
        "rds:DescribeDBClusterSnapshots" => QueryEmpty("DescribeDBClusterSnapshots", "DBClusterSnapshots", "http://rds.amazonaws.com/doc/2014-10-31/"),
        "elasticloadbalancing:DescribeLoadBalancers" => QueryEmpty("DescribeLoadBalancers", "LoadBalancers", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"),
        "secretsmanager:ListSecrets" => FakeAnswer.Json("""{"SecretList":[]}"""),
        "wafv2:ListWebACLs" => FakeAnswer.Json("""{"WebACLs":[]}"""),
        "cloudtrail:DescribeTrails" => FakeAnswer.Json("""{"trailList":[]}"""),
        "kms:ListKeys" => FakeAnswer.Json("""{"Keys":[],"Truncated":false}"""),
        "acm:ListCertificates" => FakeAnswer.Json("""{"CertificateSummaryList":[]}"""),
        "cognito-idp:ListUserPools" => FakeAnswer.Json("""{"UserPools":[]}"""),
        "lambda:ListFunctions" => FakeAnswer.Json("""{"Functions":[]}"""),
        "ecs:ListTaskDefinitionFamilies" => FakeAnswer.Json("""{"families":[]}"""),
        "ecs:ListClusters" => FakeAnswer.Json("""{"clusterArns":[]}"""),
        // AWS answers both lists whichever alarm type is asked for.
        "monitoring:DescribeAlarms" => FakeAnswer.Xml("""<DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult><CompositeAlarms/><MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>"""),
        "logs:DescribeLogGroups" => FakeAnswer.Json("""{"logGroups":[]}"""),
        "budgets:DescribeBudgets" => FakeAnswer.Json("""{"Budgets":[]}"""),
        "guardduty:/detector" => FakeAnswer.Json("""{"detectorIds":[]}"""),
        "apigateway:/restapis" => FakeAnswer.Json("""{"item":[]}"""),
        "apigateway:/v2/apis" => FakeAnswer.Json("""{"items":[]}"""),
        "ecr:DescribeRepositories" => FakeAnswer.Json("""{"repositories":[]}"""),
        _ when operation.StartsWith("s3:", StringComparison.Ordinal) => FakeAnswer.Xml("""<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>owner</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>"""),
        "cloudfront:ListDistributions" => FakeAnswer.Xml("""<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>"""),
        _ when operation.StartsWith("wafv2:", StringComparison.Ordinal) || operation.StartsWith("secretsmanager:", StringComparison.Ordinal)
            || operation.StartsWith("cloudtrail:", StringComparison.Ordinal) => FakeAnswer.Json("{}"),
        _ => FakeAnswer.Xml($"<{operation.Split(':')[1]}Response><{operation.Split(':')[1]}Result/></{operation.Split(':')[1]}Response>"),
    };

    private static FakeAnswer Ec2Empty(string action, string list) =>
        FakeAnswer.Xml($"""<{action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><{list}/></{action}Response>""");

    private static FakeAnswer QueryEmpty(string action, string list, string ns) =>
        FakeAnswer.Xml($"""<{action}Response xmlns="{ns}"><{action}Result><{list}/></{action}Result></{action}Response>""");

    public async ValueTask DisposeAsync()
    {
        forwarder.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
