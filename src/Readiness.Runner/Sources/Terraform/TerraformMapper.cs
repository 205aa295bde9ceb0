using System.Text.Json;
using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>
/// Maps Terraform resources (from .tf files or plan JSON) into the shared cloud model. Companion resources
/// (security group rules, WAF associations and logging, secret rotations, bucket access blocks and encryption,
/// policy attachments, listeners, flow logs) are folded into the resource they reference, by address or by name.
/// Absent attributes take the AWS provider's defaults; unresolved expressions stay unresolved.
/// </summary>
public sealed class TerraformMapper : IacMapper
{
    private TerraformMapper(IReadOnlyList<IacResource> resources)
        : base(resources, "name", "bucket", "identifier", "cluster_identifier", "id", "arn")
    {
    }

    public static IReadOnlyList<CloudResource> Map(IReadOnlyList<IacResource> resources) => new TerraformMapper(resources).MapAll();

    private IReadOnlyList<CloudResource> MapAll()
    {
        var result = new List<CloudResource>();
        foreach (var r in Resources)
        {
            CloudResource? mapped = r.Type switch
            {
                "aws_db_instance" => Db(r, cluster: false),
                "aws_rds_cluster" => Db(r, cluster: true),
                "aws_security_group" => SecurityGroup(r),
                "aws_cloudfront_distribution" => Distribution(r),
                "aws_cloudfront_response_headers_policy" => HeadersPolicy(r),
                "aws_wafv2_web_acl" => WebAcl(r),
                "aws_secretsmanager_secret" => Secret(r),
                "aws_iam_user" => User(r),
                "aws_iam_role" => Role(r),
                "aws_iam_policy" => Policy(r),
                "aws_s3_bucket" => Bucket(r),
                "aws_lb" or "aws_alb" => LoadBalancer(r),
                "aws_vpc" => Vpc(r),
                "aws_cloudtrail" => Trail(r),
                "aws_ebs_encryption_by_default" => Ebs(r),
                _ => null,
            };
            if (mapped is not null) result.Add(mapped);
        }
        return result;
    }

    private static IReadOnlyDictionary<string, string> Tags(IacResource r) =>
        r.Body.Get("tags") is Dictionary<string, object?> tags
            ? tags.Where(t => t.Value is string).ToDictionary(t => t.Key, t => (string)t.Value!)
            : new Dictionary<string, string>();

    // ---------- RDS ----------

    private static DbInstance Db(IacResource r, bool cluster)
    {
        var b = r.Body;
        var lines = new IacLines();
        lines.Set("PubliclyAccessible", b.LineOf("publicly_accessible"));
        lines.Set("DeletionProtection", b.LineOf("deletion_protection"));
        lines.Set("StorageEncrypted", b.LineOf("storage_encrypted"));
        lines.Set("MultiAz", b.LineOf("multi_az"));
        lines.Set("BackupRetentionPeriod", b.LineOf("backup_retention_period"));
        var engine = b.Get("engine") as string;
        return new DbInstance
        {
            Id = IdOf(r, cluster ? "cluster_identifier" : "identifier"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            IsCluster = cluster,
            Engine = engine,
            PubliclyAccessible = IacValue.Bool(b.Get("publicly_accessible"), false),
            DeletionProtection = IacValue.Bool(b.Get("deletion_protection"), false),
            // Aurora Serverless v1 clusters are always encrypted.
            StorageEncrypted = IacValue.Bool(b.Get("storage_encrypted"), cluster && b.Get("engine_mode") as string == "serverless"),
            MultiAz = IacValue.Bool(b.Get("multi_az"), false),
            BackupRetentionPeriod = IacValue.Int(b.Get("backup_retention_period"), 1),
            SecurityGroupIds = IacValue.Strings(b.Get("vpc_security_group_ids")),
        };
    }

    // ---------- security groups ----------

    private SecurityGroup SecurityGroup(IacResource r)
    {
        var ingress = new List<IngressRule>();
        foreach (var block in r.Body.Blocks("ingress")) ingress.Add(Ingress(block, block.Line, null, "protocol"));
        foreach (var rule in Companions(r, "aws_security_group_rule", "security_group_id"))
        {
            if (rule.Body.Get("type") is string type && type != "ingress") continue;
            ingress.Add(Ingress(rule.Body, Near(r, rule), rule.Address, "protocol"));
        }
        foreach (var rule in Companions(r, "aws_vpc_security_group_ingress_rule", "security_group_id"))
        {
            var b = rule.Body;
            var sources = new List<Value<string>>();
            foreach (var attribute in new[] { "cidr_ipv4", "cidr_ipv6" })
            {
                if (b.Get(attribute) is { } v) sources.Add(IacValue.String(v, ""));
            }
            var protocol = IacValues.AsString(b.Get("ip_protocol")) ?? "tcp";
            var all = protocol is "-1" or "all";
            ingress.Add(new IngressRule
            {
                Protocol = all ? "-1" : protocol,
                FromPort = all ? 0 : IacValue.Int(b.Get("from_port"), 0),
                ToPort = all ? 65535 : IacValue.Int(b.Get("to_port"), 65535),
                Sources = sources,
                Description = b.Get("description") as string,
                Line = Near(r, rule),
                Address = rule.Address,
            });
        }
        return new SecurityGroup
        {
            Id = r.Address,
            Provenance = Provenance(r, new IacLines()),
            Tags = Tags(r),
            Name = r.Body.Get("name") as string,
            VpcId = IacValue.KeyOf(r.Body.Get("vpc_id")),
            Ingress = ingress,
        };
    }

    private static IngressRule Ingress(IacBody b, int line, string? address, string protocolAttribute)
    {
        var protocol = IacValues.AsString(b.Get(protocolAttribute)) ?? "tcp";
        var all = protocol is "-1" or "all";
        var sources = IacValue.StringValues(b.Get("cidr_blocks")).Concat(IacValue.StringValues(b.Get("ipv6_cidr_blocks"))).ToList();
        return new IngressRule
        {
            Protocol = all ? "-1" : protocol,
            FromPort = all ? 0 : IacValue.Int(b.Get("from_port"), 0),
            ToPort = all ? 65535 : IacValue.Int(b.Get("to_port"), 65535),
            Sources = sources,
            Description = b.Get("description") as string,
            Line = line,
            Address = address,
        };
    }

    // ---------- CloudFront ----------

    private static Distribution Distribution(IacResource r)
    {
        var b = r.Body;
        var lines = new IacLines();
        lines.Set("WebAclId", b.LineOf("web_acl_id"));
        var behaviors = new List<CacheBehavior>();
        foreach (var (block, pattern) in b.Blocks("default_cache_behavior").Select(x => (x, (object?)"*"))
                     .Concat(b.Blocks("ordered_cache_behavior").Select(x => (x, x.Get("path_pattern")))))
        {
            behaviors.Add(new CacheBehavior
            {
                PathPattern = IacValues.AsString(pattern) ?? "?",
                ViewerProtocolPolicy = IacValue.String(block.Get("viewer_protocol_policy"), "allow-all"),
                ResponseHeadersPolicyId = IacValue.Reference(block.Get("response_headers_policy_id")),
                Line = block.Line,
            });
        }
        var certificate = b.Block("viewer_certificate");
        var usesDefault = certificate is null ? true : IacValue.Bool(certificate.Get("cloudfront_default_certificate"), false);
        lines.Set("MinimumProtocolVersion", certificate?.LineOf("minimum_protocol_version") is > 0 and var mpv ? mpv : certificate?.Line ?? 0);
        lines.Set("UsesDefaultCertificate", certificate?.LineOf("cloudfront_default_certificate") ?? 0);
        return new Distribution
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Aliases = IacValue.Strings(b.Get("aliases")),
            WebAclId = IacValue.Reference(b.Get("web_acl_id")),
            Behaviors = behaviors,
            // With the default certificate CloudFront accepts TLSv1 whatever minimum_protocol_version says.
            MinimumProtocolVersion = usesDefault.Known ? "TLSv1" : IacValue.String(certificate?.Get("minimum_protocol_version"), "TLSv1"),
            UsesDefaultCertificate = usesDefault,
            LoggingEnabled = b.Block("logging_config") is not null,
        };
    }

    private static ResponseHeadersPolicy HeadersPolicy(IacResource r)
    {
        var lines = new IacLines();
        var security = r.Body.Block("security_headers_config");
        var hsts = security?.Block("strict_transport_security");
        var csp = security?.Block("content_security_policy");
        var frame = security?.Block("frame_options");
        lines.Set("HstsEnabled", hsts?.Line ?? security?.Line ?? 0);
        lines.Set("ContentSecurityPolicy", csp?.LineOf("content_security_policy") ?? 0);
        lines.Set("FrameOption", frame?.LineOf("frame_option") ?? 0);
        return new ResponseHeadersPolicy
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Name = r.Body.Get("name") as string,
            HstsEnabled = hsts is not null,
            HstsMaxAgeSeconds = hsts is null ? 0 : IacValue.Int(hsts.Get("access_control_max_age_sec"), 0),
            HstsIncludeSubdomains = hsts is null ? false : IacValue.Bool(hsts.Get("include_subdomains"), false),
            ContentSecurityPolicy = csp is null ? (string?)null : IacValue.Optional(csp.Get("content_security_policy")),
            FrameOption = frame is null ? (string?)null : IacValue.Optional(frame.Get("frame_option")),
            ContentTypeOptions = security?.Block("content_type_options") is not null,
        };
    }

    // ---------- WAFv2 ----------

    private WebAcl WebAcl(IacResource r)
    {
        var b = r.Body;
        var lines = new IacLines();
        var defaultAction = b.Block("default_action");
        lines.Set("DefaultAction", defaultAction?.Line ?? 0);
        lines.Set("Rules", b.Blocks("rule").FirstOrDefault()?.Line ?? 0);
        var rules = b.Blocks("rule").Select(WafRule).ToList();
        var logging = Companions(r, "aws_wafv2_web_acl_logging_configuration", "resource_arn").ToList();
        lines.Set("LoggingEnabled", Near(r, logging.FirstOrDefault()));
        var associated = Companions(r, "aws_wafv2_web_acl_association", "web_acl_arn")
            .Select(a => IacValue.KeyOf(a.Body.Get("resource_arn")))
            .OfType<string>()
            .ToList();
        return new WebAcl
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Name = b.Get("name") as string,
            Scope = IacValue.String(b.Get("scope"), "REGIONAL"),
            DefaultAction = defaultAction?.Block("block") is not null ? "block" : "allow",
            Rules = rules,
            LoggingEnabled = logging.Count > 0,
            AssociatedResources = associated,
        };
    }

    private static WafRule WafRule(IacBody rule)
    {
        var statement = rule.Block("statement");
        var rate = statement?.Block("rate_based_statement");
        var managed = statement?.Block("managed_rule_group_statement");
        var reference = statement?.Block("rule_group_reference_statement");
        var action = rule.Block("action");
        var overrideAction = rule.Block("override_action");
        return new WafRule
        {
            Name = IacValues.AsString(rule.Get("name")) ?? "?",
            Kind = rate is not null ? WafRuleKind.RateBased
                : managed is not null ? WafRuleKind.ManagedRuleGroup
                : reference is not null ? WafRuleKind.RuleGroupReference
                : WafRuleKind.Custom,
            ManagedVendor = managed?.Get("vendor_name") as string,
            ManagedName = managed?.Get("name") as string,
            RateLimit = rate?.Get("limit") is decimal limit ? (long)limit : null,
            CountOnly = action?.Block("count") is not null || overrideAction?.Block("count") is not null,
            Line = rule.Line,
        };
    }

    // ---------- Secrets Manager ----------

    private Secret Secret(IacResource r)
    {
        var lines = new IacLines();
        var rotation = Companions(r, "aws_secretsmanager_secret_rotation", "secret_id").FirstOrDefault();
        int? days = null;
        if (rotation?.Body.Block("rotation_rules") is { } rules && IacValues.AsNumber(rules.Get("automatically_after_days")) is { } d) days = (int)d;
        lines.Set("RotationEnabled", Near(r, rotation));
        return new Secret
        {
            Id = IdOf(r, "name"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Name = r.Body.Get("name") as string,
            RotationEnabled = rotation is not null,
            RotationIntervalDays = days,
        };
    }

    // ---------- IAM ----------

    private IamUser User(IacResource r)
    {
        var lines = new IacLines();
        var attachments = Companions(r, "aws_iam_user_policy_attachment", "user")
            .Concat(Companions(r, "aws_iam_policy_attachment", "users")).ToList();
        lines.Set("AttachedPolicyArns", Near(r, attachments.FirstOrDefault()));
        var inline = Companions(r, "aws_iam_user_policy", "user").Select(p => IamPolicies.Document(p.Body, "policy", Resources)).ToList();
        return new IamUser
        {
            Id = IdOf(r, "name"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            AttachedPolicyArns = attachments.Select(a => IacValue.KeyOf(a.Body.Get("policy_arn"))).OfType<string>().ToList(),
            InlinePolicies = inline.Where(d => d.IsKnown && d.Known is not null).Select(d => d.Known!).ToList(),
        };
    }

    private IamRole Role(IacResource r)
    {
        var lines = new IacLines();
        var attachments = Companions(r, "aws_iam_role_policy_attachment", "role")
            .Concat(Companions(r, "aws_iam_policy_attachment", "roles")).ToList();
        var arns = attachments.Select(a => IacValue.KeyOf(a.Body.Get("policy_arn"))).OfType<string>()
            .Concat(IacValue.Strings(r.Body.Get("managed_policy_arns"))).ToList();
        lines.Set("AttachedPolicyArns", r.Body.LineOf("managed_policy_arns") is > 0 and var l ? l : Near(r, attachments.FirstOrDefault()));
        var inline = Companions(r, "aws_iam_role_policy", "role").Select(p => IamPolicies.Document(p.Body, "policy", Resources))
            .Concat(r.Body.Blocks("inline_policy").Select(p => IamPolicies.Document(p, "policy", Resources)))
            .ToList();
        var assume = IamPolicies.Document(r.Body, "assume_role_policy", Resources);
        return new IamRole
        {
            Id = IdOf(r, "name"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            AttachedPolicyArns = arns,
            InlinePolicies = inline.Where(d => d.IsKnown && d.Known is not null).Select(d => d.Known!).ToList(),
            AssumeRolePolicy = assume.IsKnown ? assume.Known : null,
        };
    }

    private IamPolicy Policy(IacResource r)
    {
        var lines = new IacLines();
        lines.Set("Document", r.Body.LineOf("policy"));
        return new IamPolicy
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Name = r.Body.Get("name") as string,
            Document = IamPolicies.Document(r.Body, "policy", Resources),
        };
    }

    // ---------- S3 ----------

    private S3Bucket Bucket(IacResource r)
    {
        var lines = new IacLines();
        var block = Companions(r, "aws_s3_bucket_public_access_block", "bucket").FirstOrDefault();
        Value<bool> Flag(string attribute, string model)
        {
            if (block is null) return false;
            lines.Set(model, block.File != r.File ? 0 : block.Body.LineOf(attribute) is > 0 and var l ? l : block.Line);
            return IacValue.Bool(block.Body.Get(attribute), false);
        }
        var encryption = Companions(r, "aws_s3_bucket_server_side_encryption_configuration", "bucket").FirstOrDefault();
        var inlineEncryption = r.Body.Block("server_side_encryption_configuration");
        lines.Set("EncryptionConfigured", encryption is not null ? Near(r, encryption) : inlineEncryption?.Line ?? 0);
        return new S3Bucket
        {
            Id = IdOf(r, "bucket"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            BlockPublicAcls = Flag("block_public_acls", "BlockPublicAcls"),
            IgnorePublicAcls = Flag("ignore_public_acls", "IgnorePublicAcls"),
            BlockPublicPolicy = Flag("block_public_policy", "BlockPublicPolicy"),
            RestrictPublicBuckets = Flag("restrict_public_buckets", "RestrictPublicBuckets"),
            EncryptionConfigured = encryption is not null || inlineEncryption is not null,
        };
    }

    // ---------- load balancers, VPC, CloudTrail, EBS ----------

    private LoadBalancer LoadBalancer(IacResource r)
    {
        var b = r.Body;
        var lines = new IacLines();
        lines.Set("InternetFacing", b.LineOf("internal"));
        var listeners = Companions(r, "aws_lb_listener", "load_balancer_arn")
            .Concat(Companions(r, "aws_alb_listener", "load_balancer_arn"))
            .Select(l =>
            {
                var action = l.Body.Block("default_action");
                var redirect = action?.Block("redirect");
                return new Listener
                {
                    Protocol = IacValues.AsString(l.Body.Get("protocol")) ?? "HTTP",
                    Port = (int)(IacValues.AsNumber(l.Body.Get("port")) ?? 0),
                    RedirectsToHttps = action?.Get("type") as string == "redirect" && IacValues.AsString(redirect?.Get("protocol")) is "HTTPS" or null,
                    Line = Near(r, l),
                };
            })
            .ToList();
        var acl = Companions(r, "aws_wafv2_web_acl_association", "resource_arn").FirstOrDefault();
        var internalValue = IacValue.Bool(b.Get("internal"), false);
        return new LoadBalancer
        {
            Id = IdOf(r, "name"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            Name = b.Get("name") as string,
            LoadBalancerType = b.Get("load_balancer_type") as string ?? "application",
            InternetFacing = internalValue.IsKnown ? !internalValue.Known : Value<bool>.Unresolved(internalValue.Expression!),
            Listeners = listeners,
            WebAclArn = acl is null ? (string?)null : IacValue.Reference(acl.Body.Get("web_acl_arn")),
        };
    }

    private Vpc Vpc(IacResource r)
    {
        var lines = new IacLines();
        var flowLog = Companions(r, "aws_flow_log", "vpc_id").FirstOrDefault();
        lines.Set("FlowLogsEnabled", Near(r, flowLog));
        return new Vpc { Id = r.Address, Provenance = Provenance(r, lines), Tags = Tags(r), FlowLogsEnabled = flowLog is not null };
    }

    private static Trail Trail(IacResource r)
    {
        var lines = new IacLines();
        lines.Set("IsMultiRegion", r.Body.LineOf("is_multi_region_trail"));
        lines.Set("IsLogging", r.Body.LineOf("enable_logging"));
        return new Trail
        {
            Id = IdOf(r, "name"),
            Provenance = Provenance(r, lines),
            Tags = Tags(r),
            IsMultiRegion = IacValue.Bool(r.Body.Get("is_multi_region_trail"), false),
            IsLogging = IacValue.Bool(r.Body.Get("enable_logging"), true),
        };
    }

    private static AccountSettings Ebs(IacResource r)
    {
        var lines = new IacLines();
        lines.Set("EbsEncryptionByDefault", r.Body.LineOf("enabled"));
        return new AccountSettings
        {
            Id = r.Address,
            Provenance = Provenance(r, lines),
            EbsEncryptionByDefault = IacValue.Bool(r.Body.Get("enabled"), true),
        };
    }
}

/// <summary>Reads IAM policy documents from jsonencode(...), JSON strings and heredocs, and data.aws_iam_policy_document.</summary>
internal static class IamPolicies
{
    public static Value<PolicyDocument?> Document(IacBody body, string attribute, IReadOnlyList<IacResource> resources)
    {
        // jsonencode({...}) is read before encoding, so a resource ARN in it does not hide the actions.
        if (body.Expression(attribute) is HclCall { Name: "jsonencode", Args: [var argument] } && body.Module is { } module)
            return IacPolicy.FromObject(TerraformEvaluator.Instance.Eval(argument, module), argument.Text);
        var value = body.Get(attribute);
        switch (value)
        {
            case null:
                return (PolicyDocument?)null;
            case string json:
                try
                {
                    using var doc = JsonDocument.Parse(json);
                    return IacPolicy.FromObject(IacValues.FromJson(doc.RootElement), json);
                }
                catch (JsonException)
                {
                    return Value<PolicyDocument?>.Unresolved(json.Length > 80 ? json[..80] + "..." : json);
                }
            case IacUnknown { Reference: { } reference } unknown when reference.Contains("data.aws_iam_policy_document.", StringComparison.Ordinal):
                var data = resources.FirstOrDefault(r => r.Address == reference);
                return data is null ? Value<PolicyDocument?>.Unresolved(unknown.Expression) : FromPolicyDocumentData(data.Body);
            case IacUnknown unknown:
                return Value<PolicyDocument?>.Unresolved(unknown.Expression);
            default:
                return IacPolicy.FromObject(value, attribute);
        }
    }

    private static Value<PolicyDocument?> FromPolicyDocumentData(IacBody data)
    {
        var statements = new List<PolicyStatement>();
        foreach (var s in data.Blocks("statement"))
        {
            var effect = s.Get("effect") ?? "Allow";
            var actions = s.Get("actions");
            var notActions = s.Get("not_actions");
            if (effect is IacUnknown u) return Value<PolicyDocument?>.Unresolved(u.Expression);
            if (!IacValues.IsKnown(actions) || !IacValues.IsKnown(notActions)) return Value<PolicyDocument?>.Unresolved((actions as IacUnknown)?.Expression ?? "actions");
            statements.Add(new PolicyStatement
            {
                Effect = IacValues.AsString(effect) ?? "Allow",
                Actions = IacValue.Strings(actions),
                NotActions = IacValue.Strings(notActions),
                Resources = IacPolicy.Texts(s.Get("resources")),
                HasCondition = s.Blocks("condition").Any(),
            });
        }
        return new PolicyDocument { Statements = statements };
    }
}
