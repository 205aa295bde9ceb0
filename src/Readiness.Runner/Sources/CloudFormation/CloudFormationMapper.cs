using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.CloudFormation;

/// <summary>
/// Maps CloudFormation resources (hand-written or CDK output) into the shared cloud model, with the same companion
/// folding as Terraform: SecurityGroupIngress, WebACLAssociation, LoggingConfiguration, RotationSchedule, FlowLog,
/// listeners and IAM policies that name their users and roles. Absent properties take CloudFormation's defaults.
/// </summary>
public sealed class CloudFormationMapper : IacMapper
{
    private CloudFormationMapper(IReadOnlyList<IacResource> resources)
        : base(resources, "DBInstanceIdentifier", "DBClusterIdentifier", "BucketName", "Name", "UserName", "RoleName", "TrailName", "GroupName")
    {
    }

    public static IReadOnlyList<CloudResource> Map(IReadOnlyList<IacResource> resources) => new CloudFormationMapper(resources).MapAll();

    private IReadOnlyList<CloudResource> MapAll()
    {
        var result = new List<CloudResource>();
        foreach (var r in Resources)
        {
            CloudResource? mapped = r.Type switch
            {
                "AWS::RDS::DBInstance" => Db(r, cluster: false),
                "AWS::RDS::DBCluster" => Db(r, cluster: true),
                "AWS::EC2::SecurityGroup" => SecurityGroup(r),
                "AWS::CloudFront::Distribution" => Distribution(r),
                "AWS::CloudFront::ResponseHeadersPolicy" => HeadersPolicy(r),
                "AWS::WAFv2::WebACL" => WebAcl(r),
                "AWS::SecretsManager::Secret" => Secret(r),
                "AWS::IAM::User" => User(r),
                "AWS::IAM::Role" => Role(r),
                "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => Policy(r),
                "AWS::S3::Bucket" => Bucket(r),
                "AWS::ElasticLoadBalancingV2::LoadBalancer" => LoadBalancer(r),
                "AWS::EC2::VPC" => Vpc(r),
                "AWS::CloudTrail::Trail" => Trail(r),
                _ => null,
            };
            if (mapped is not null) result.Add(mapped);
        }
        return result;
    }

    private static IReadOnlyDictionary<string, string> Tags(IacResource r) =>
        r.Body.Get("Tags") is List<object?> tags
            ? tags.OfType<Dictionary<string, object?>>()
                .Where(t => t.GetValueOrDefault("Key") is string && t.GetValueOrDefault("Value") is string)
                .GroupBy(t => (string)t["Key"]!)
                .ToDictionary(g => g.Key, g => (string)g.Last()["Value"]!)
            : new Dictionary<string, string>();

    private static DbInstance Db(IacResource r, bool cluster)
    {
        var b = r.Body;
        var lines = new IacLines();
        lines.Set("PubliclyAccessible", b.LineOf("PubliclyAccessible"));
        lines.Set("DeletionProtection", b.LineOf("DeletionProtection"));
        lines.Set("StorageEncrypted", b.LineOf("StorageEncrypted"));
        lines.Set("MultiAz", b.LineOf("MultiAZ"));
        lines.Set("BackupRetentionPeriod", b.LineOf("BackupRetentionPeriod"));
        return new DbInstance
        {
            Id = IdOf(r, cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            IsCluster = cluster,
            Engine = b.Get("Engine") as string,
            PubliclyAccessible = IacValue.Bool(b.Get("PubliclyAccessible"), false),
            DeletionProtection = IacValue.Bool(b.Get("DeletionProtection"), false),
            // Aurora Serverless v1 clusters are always encrypted.
            StorageEncrypted = IacValue.Bool(b.Get("StorageEncrypted"), cluster && b.Get("EngineMode") as string == "serverless"),
            MultiAz = IacValue.Bool(b.Get("MultiAZ"), false),
            BackupRetentionPeriod = IacValue.Int(b.Get("BackupRetentionPeriod"), 1),
            SecurityGroupIds = IacValue.Strings(b.Get("VPCSecurityGroups")),
        };
    }

    private SecurityGroup SecurityGroup(IacResource r)
    {
        var ingress = r.Body.Blocks("SecurityGroupIngress").Select(b => Ingress(b, b.Line, null)).ToList();
        foreach (var rule in Companions(r, "AWS::EC2::SecurityGroupIngress", "GroupId"))
            ingress.Add(Ingress(rule.Body, Near(r, rule), rule.Address));
        return new SecurityGroup
        {
            Id = r.Address,
            Provenance = Provenance(r, new IacLines()),
            Tags = Tags(r),
            Name = r.Body.Get("GroupName") as string,
            VpcId = IacValue.KeyOf(r.Body.Get("VpcId")),
            Ingress = ingress,
        };
    }

    private static IngressRule Ingress(IacBody b, int line, string? address)
    {
        var protocol = IacValues.AsString(b.Get("IpProtocol")) ?? "tcp";
        var all = protocol is "-1" or "all";
        var sources = new[] { "CidrIp", "CidrIpv6" }.Where(a => b.Get(a) is not null).Select(a => IacValue.String(b.Get(a), "")).ToList();
        return new IngressRule
        {
            Protocol = all ? "-1" : protocol,
            FromPort = all ? 0 : IacValue.Int(b.Get("FromPort"), 0),
            ToPort = all ? 65535 : IacValue.Int(b.Get("ToPort"), 65535),
            Sources = sources,
            Description = b.Get("Description") as string,
            Line = line,
            Address = address,
        };
    }

    private static Distribution Distribution(IacResource r)
    {
        var config = r.Body.Block("DistributionConfig");
        var lines = new IacLines();
        lines.Set("WebAclId", config?.LineOf("WebACLId") ?? 0);
        var behaviors = new List<CacheBehavior>();
        foreach (var (block, pattern) in (config?.Blocks("DefaultCacheBehavior") ?? []).Select(x => (x, (object?)"*"))
                     .Concat((config?.Blocks("CacheBehaviors") ?? []).Select(x => (x, x.Get("PathPattern")))))
        {
            behaviors.Add(new CacheBehavior
            {
                PathPattern = IacValues.AsString(pattern) ?? "?",
                ViewerProtocolPolicy = IacValue.String(block.Get("ViewerProtocolPolicy"), "allow-all"),
                ResponseHeadersPolicyId = IacValue.Reference(block.Get("ResponseHeadersPolicyId")),
                Line = block.Line,
            });
        }
        var certificate = config?.Block("ViewerCertificate");
        var usesDefault = certificate is null ? true : IacValue.Bool(certificate.Get("CloudFrontDefaultCertificate"), false);
        lines.Set("MinimumProtocolVersion", certificate?.LineOf("MinimumProtocolVersion") is > 0 and var l ? l : certificate?.Line ?? 0);
        return new Distribution
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Aliases = IacValue.Strings(config?.Get("Aliases")),
            WebAclId = IacValue.Reference(config?.Get("WebACLId")),
            Behaviors = behaviors,
            // With the default certificate CloudFront accepts TLSv1 whatever MinimumProtocolVersion says.
            MinimumProtocolVersion = usesDefault.Known ? "TLSv1" : IacValue.String(certificate?.Get("MinimumProtocolVersion"), "TLSv1"),
            UsesDefaultCertificate = usesDefault,
            LoggingEnabled = config?.Block("Logging") is not null,
        };
    }

    private static ResponseHeadersPolicy HeadersPolicy(IacResource r)
    {
        var config = r.Body.Block("ResponseHeadersPolicyConfig");
        var security = config?.Block("SecurityHeadersConfig");
        var hsts = security?.Block("StrictTransportSecurity");
        var csp = security?.Block("ContentSecurityPolicy");
        var frame = security?.Block("FrameOptions");
        var lines = new IacLines();
        lines.Set("HstsEnabled", hsts?.Line ?? 0);
        lines.Set("ContentSecurityPolicy", csp?.LineOf("ContentSecurityPolicy") ?? 0);
        lines.Set("FrameOption", frame?.LineOf("FrameOption") ?? 0);
        return new ResponseHeadersPolicy
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Name = config?.Get("Name") as string,
            HstsEnabled = hsts is not null,
            HstsMaxAgeSeconds = hsts is null ? 0 : IacValue.Int(hsts.Get("AccessControlMaxAgeSec"), 0),
            HstsIncludeSubdomains = hsts is null ? false : IacValue.Bool(hsts.Get("IncludeSubdomains"), false),
            ContentSecurityPolicy = csp is null ? (string?)null : IacValue.Optional(csp.Get("ContentSecurityPolicy")),
            FrameOption = frame is null ? (string?)null : IacValue.Optional(frame.Get("FrameOption")),
            ContentTypeOptions = security?.Block("ContentTypeOptions") is not null,
        };
    }

    private WebAcl WebAcl(IacResource r)
    {
        var b = r.Body;
        var lines = new IacLines();
        lines.Set("DefaultAction", b.LineOf("DefaultAction"));
        lines.Set("Rules", b.LineOf("Rules"));
        var logging = Companions(r, "AWS::WAFv2::LoggingConfiguration", "ResourceArn").FirstOrDefault();
        lines.Set("LoggingEnabled", Near(r, logging));
        return new WebAcl
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Name = b.Get("Name") as string,
            Scope = IacValue.String(b.Get("Scope"), "REGIONAL"),
            DefaultAction = b.Block("DefaultAction")?.Block("Block") is not null ? "block" : "allow",
            Rules = b.Blocks("Rules").Select(Rule).ToList(),
            LoggingEnabled = logging is not null,
            AssociatedResources = Companions(r, "AWS::WAFv2::WebACLAssociation", "WebACLArn")
                .Select(a => IacValue.KeyOf(a.Body.Get("ResourceArn"))).OfType<string>().ToList(),
        };
    }

    private static WafRule Rule(IacBody rule)
    {
        var statement = rule.Block("Statement");
        var rate = statement?.Block("RateBasedStatement");
        var managed = statement?.Block("ManagedRuleGroupStatement");
        var reference = statement?.Block("RuleGroupReferenceStatement");
        return new WafRule
        {
            Name = IacValues.AsString(rule.Get("Name")) ?? "?",
            Kind = rate is not null ? WafRuleKind.RateBased
                : managed is not null ? WafRuleKind.ManagedRuleGroup
                : reference is not null ? WafRuleKind.RuleGroupReference
                : WafRuleKind.Custom,
            ManagedVendor = managed?.Get("VendorName") as string,
            ManagedName = managed?.Get("Name") as string,
            RateLimit = IacValues.AsNumber(rate?.Get("Limit")) is { } limit ? (long)limit : null,
            CountOnly = rule.Block("Action")?.Block("Count") is not null || rule.Block("OverrideAction")?.Block("Count") is not null,
            Line = rule.Line,
        };
    }

    private Secret Secret(IacResource r)
    {
        var rotation = Companions(r, "AWS::SecretsManager::RotationSchedule", "SecretId").FirstOrDefault();
        var lines = new IacLines();
        lines.Set("RotationEnabled", Near(r, rotation));
        var days = IacValues.AsNumber(rotation?.Body.Block("RotationRules")?.Get("AutomaticallyAfterDays"));
        return new Secret
        {
            Id = IdOf(r, "Name"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Name = r.Body.Get("Name") as string,
            RotationEnabled = rotation is not null,
            RotationIntervalDays = days is { } d ? (int)d : null,
        };
    }

    /// <summary>AWS::IAM::Policy and ManagedPolicy resources that name this user or role in Users / Roles.</summary>
    private List<IacResource> PoliciesNaming(IacResource principal, string listAttribute) =>
        Resources.Where(p => p.Type is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" && Refers(p.Body.Get(listAttribute), principal)).ToList();

    private IamUser User(IacResource r)
    {
        var lines = new IacLines();
        lines.Set("AttachedPolicyArns", r.Body.LineOf("ManagedPolicyArns"));
        var managed = IacValue.Strings(r.Body.Get("ManagedPolicyArns"))
            .Concat(PoliciesNaming(r, "Users").Where(p => p.Type == "AWS::IAM::ManagedPolicy").Select(p => p.Address)).ToList();
        var inline = r.Body.Blocks("Policies").Select(p => IacPolicy.FromObject(p.Get("PolicyDocument"), "PolicyDocument"))
            .Concat(PoliciesNaming(r, "Users").Where(p => p.Type == "AWS::IAM::Policy").Select(p => IacPolicy.FromObject(p.Body.Get("PolicyDocument"), "PolicyDocument")));
        return new IamUser
        {
            Id = IdOf(r, "UserName"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            AttachedPolicyArns = managed,
            InlinePolicies = inline.Where(d => d.IsKnown && d.Known is not null).Select(d => d.Known!).ToList(),
        };
    }

    private IamRole Role(IacResource r)
    {
        var lines = new IacLines();
        lines.Set("AttachedPolicyArns", r.Body.LineOf("ManagedPolicyArns"));
        var inline = r.Body.Blocks("Policies").Select(p => IacPolicy.FromObject(p.Get("PolicyDocument"), "PolicyDocument"));
        var assume = IacPolicy.FromObject(r.Body.Get("AssumeRolePolicyDocument"), "AssumeRolePolicyDocument");
        return new IamRole
        {
            Id = IdOf(r, "RoleName"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            AttachedPolicyArns = IacValue.Strings(r.Body.Get("ManagedPolicyArns"))
                .Concat(PoliciesNaming(r, "Roles").Where(p => p.Type == "AWS::IAM::ManagedPolicy").Select(p => p.Address)).ToList(),
            InlinePolicies = inline.Where(d => d.IsKnown && d.Known is not null).Select(d => d.Known!).ToList(),
            AssumeRolePolicy = assume.IsKnown ? assume.Known : null,
        };
    }

    private static IamPolicy Policy(IacResource r)
    {
        var lines = new IacLines();
        lines.Set("Document", r.Body.LineOf("PolicyDocument"));
        return new IamPolicy
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Name = (r.Body.Get("PolicyName") ?? r.Body.Get("ManagedPolicyName")) as string,
            Document = r.Body.Get("PolicyDocument") is { } doc ? IacPolicy.FromObject(doc, "PolicyDocument") : (PolicyDocument?)null,
        };
    }

    private static S3Bucket Bucket(IacResource r)
    {
        var b = r.Body;
        var lines = new IacLines();
        var block = b.Block("PublicAccessBlockConfiguration");
        Value<bool> Flag(string attribute, string model)
        {
            if (block is null) return false;
            lines.Set(model, block.LineOf(attribute) is > 0 and var l ? l : block.Line);
            return IacValue.Bool(block.Get(attribute), false);
        }
        lines.Set("EncryptionConfigured", b.LineOf("BucketEncryption"));
        return new S3Bucket
        {
            Id = IdOf(r, "BucketName"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            BlockPublicAcls = Flag("BlockPublicAcls", "BlockPublicAcls"),
            IgnorePublicAcls = Flag("IgnorePublicAcls", "IgnorePublicAcls"),
            BlockPublicPolicy = Flag("BlockPublicPolicy", "BlockPublicPolicy"),
            RestrictPublicBuckets = Flag("RestrictPublicBuckets", "RestrictPublicBuckets"),
            EncryptionConfigured = b.Block("BucketEncryption") is not null,
        };
    }

    private LoadBalancer LoadBalancer(IacResource r)
    {
        var b = r.Body;
        var lines = new IacLines();
        lines.Set("InternetFacing", b.LineOf("Scheme"));
        var listeners = Companions(r, "AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn").Select(l =>
        {
            var action = l.Body.Blocks("DefaultActions").FirstOrDefault();
            return new Listener
            {
                Protocol = IacValues.AsString(l.Body.Get("Protocol")) ?? "HTTP",
                Port = (int)(IacValues.AsNumber(l.Body.Get("Port")) ?? 0),
                RedirectsToHttps = action?.Get("Type") as string == "redirect"
                    && IacValues.AsString(action.Block("RedirectConfig")?.Get("Protocol")) is "HTTPS" or "#{protocol}" or null,
                Line = Near(r, l),
            };
        }).ToList();
        var scheme = IacValue.String(b.Get("Scheme"), "internet-facing");
        var acl = Companions(r, "AWS::WAFv2::WebACLAssociation", "ResourceArn").FirstOrDefault();
        return new LoadBalancer
        {
            Id = IdOf(r, "Name"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Name = b.Get("Name") as string,
            LoadBalancerType = b.Get("Type") as string ?? "application",
            InternetFacing = scheme.IsKnown ? scheme.Known == "internet-facing" : Value<bool>.Unresolved(scheme.Expression!),
            Listeners = listeners,
            WebAclArn = acl is null ? (string?)null : IacValue.Reference(acl.Body.Get("WebACLArn")),
        };
    }

    private Vpc Vpc(IacResource r)
    {
        var flowLog = Companions(r, "AWS::EC2::FlowLog", "ResourceId").FirstOrDefault();
        var lines = new IacLines();
        lines.Set("FlowLogsEnabled", Near(r, flowLog));
        return new Vpc { Id = r.Address, Provenance = Provenance(r, lines), Tags = Tags(r), FlowLogsEnabled = flowLog is not null };
    }

    private static Trail Trail(IacResource r)
    {
        var lines = new IacLines();
        lines.Set("IsMultiRegion", r.Body.LineOf("IsMultiRegionTrail"));
        lines.Set("IsLogging", r.Body.LineOf("IsLogging"));
        return new Trail
        {
            Id = IdOf(r, "TrailName"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            IsMultiRegion = IacValue.Bool(r.Body.Get("IsMultiRegionTrail"), false),
            IsLogging = IacValue.Bool(r.Body.Get("IsLogging"), true),
        };
    }
}
