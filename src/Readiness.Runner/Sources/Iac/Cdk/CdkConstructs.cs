using System.Globalization;
using System.Text.RegularExpressions;
using Readiness.Rules.Model;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Iac.Cdk;

/// <summary>
/// CDK constructs in TypeScript or Python source, read into the same model resources a synthesized template gives, so
/// the RDS and security group rules judge them at the source line: rds.DatabaseInstance / DatabaseCluster (and their
/// FromSnapshot / ReadReplica forms) with their deletionProtection, publiclyAccessible, storageEncrypted, multiAz and
/// backupRetention, and ingress added with addIngressRule / connections.allowFrom* from ec2.Peer.anyIpv4() or
/// anyIpv6(). A property left out takes what the CDK synthesizes for it (CloudFormation's default, except where the CDK
/// derives it: an encryption key means encrypted, RemovalPolicy.RETAIN means deletion protection, public subnets mean
/// publicly accessible). A value that is not a literal is unresolved, so the finding is undecided, never guessed.
/// </summary>
internal static partial class CdkConstructs
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?:(?<target>(?:this\.|self\.)?[A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>\[\]]+\s*)?=\s*)?(?:new\s+)?(?:[\w$]+\.)*\b(?<kind>DatabaseInstance|DatabaseCluster|DatabaseInstanceFromSnapshot|DatabaseClusterFromSnapshot|DatabaseInstanceReadReplica)\s*\(", Options)]
    private static partial Regex DatabaseConstruct();

    [GeneratedRegex(@"(?<receiver>[A-Za-z_$][\w$.]*)\s*\.\s*(?<method>addIngressRule|add_ingress_rule|allowFrom|allow_from|allowFromAnyIpv4|allow_from_any_ipv4|allowDefaultPortFromAnyIpv4|allow_default_port_from_any_ipv4|allowDefaultPortFrom|allow_default_port_from)\s*\(", Options)]
    private static partial Regex IngressCall();

    [GeneratedRegex(@"(?<target>(?:this\.|self\.)?[A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>\[\]]+\s*)?=\s*(?:new\s+)?(?:[\w$]+\.)*\bSecurityGroup\s*\(", Options)]
    private static partial Regex SecurityGroupConstruct();

    [GeneratedRegex(@"^(?:[\w$]+\.)*Peer\.(?<kind>anyIpv4|any_ipv4|anyIpv6|any_ipv6|ipv4|ipv6)\s*\((?<arg>[^)]*)\)$", Options)]
    private static partial Regex PeerExpression();

    [GeneratedRegex(@"^(?:[\w$]+\.)*Port\.(?<kind>tcp|udp|tcpRange|tcp_range|udpRange|udp_range|allTcp|all_tcp|allUdp|all_udp|allTraffic|all_traffic)\s*\((?<args>[^)]*)\)$|^(?:[\w$]+\.)*Port\.(?<constant>[A-Z][A-Z0-9_]*)$", Options)]
    private static partial Regex PortExpression();

    [GeneratedRegex(@"^(?:[\w$]+\.)*Duration\.days\s*\(\s*(?<days>\d+)\s*\)$", Options)]
    private static partial Regex DaysExpression();

    [GeneratedRegex(@"\bretention\s*[:=]\s*(?<value>(?:[\w$]+\.)*Duration\.days\s*\(\s*\d+\s*\)|[^,}\n)]+)", Options)]
    private static partial Regex RetentionInBackup();

    [GeneratedRegex(@"(?:DatabaseInstanceEngine|DatabaseClusterEngine)\s*\.\s*(?<engine>postgres|mysql|mariadb|auroraPostgres|aurora_postgres|auroraMysql|aurora_mysql|AURORA_POSTGRESQL|AURORA_MYSQL|POSTGRES|MYSQL|MARIADB)\b", Options)]
    private static partial Regex EngineExpression();

    /// <summary>The well-known ports the CDK names (ec2.Port.SSH, Port.POSTGRES, ...).</summary>
    private static readonly Dictionary<string, int> NamedPorts = new(StringComparer.Ordinal)
    {
        ["SSH"] = 22, ["RDP"] = 3389, ["HTTP"] = 80, ["HTTPS"] = 443, ["MYSQL_AURORA"] = 3306, ["POSTGRES"] = 5432, ["MSSQL"] = 1433,
        ["SMTP"] = 25, ["LDAP"] = 389, ["SMB"] = 445,
    };

    /// <summary>The port an engine listens on when none is set (connections.allowDefaultPortFrom*).</summary>
    private static int? DefaultPort(string? engine) => engine switch
    {
        "postgres" or "aurora-postgresql" => 5432,
        "mysql" or "mariadb" or "aurora-mysql" => 3306,
        _ => null,
    };

    public static IEnumerable<CloudResource> Read(SourceFile file)
    {
        var python = file.Path.EndsWith(".py", StringComparison.Ordinal);
        var text = file.Text;
        var code = CdkCalls.CodeMask(text, python);
        var databases = Databases(file, text, python, code).ToList();
        return [.. databases.Select(d => d.Resource), .. SecurityGroups(file, text, python, code, databases)];
    }

    private sealed record Database(string? Target, string Kind, DbInstance Resource, int? Port);

    private static IEnumerable<Database> Databases(SourceFile file, string text, bool python, bool[] code)
    {
        foreach (Match m in DatabaseConstruct().Matches(text))
        {
            if (!code[m.Groups["kind"].Index]) continue;
            var open = m.Index + m.Length - 1;
            var close = CdkCalls.Closing(text, open, python);
            if (close < 0) continue;
            var arguments = CdkCalls.Arguments(text, open, close, python);
            if (arguments.Count < 2 || arguments[0].Name is not null) continue; // (scope, id, props): not a construct call otherwise
            var id = CdkCalls.StringLiteral(arguments[1].Text) ?? arguments[1].Text;
            var props = Props(text, arguments.Skip(2).ToList(), python);
            var kind = m.Groups["kind"].Value;
            var cluster = kind.StartsWith("DatabaseCluster", StringComparison.Ordinal);
            var line = CdkCalls.LineOf(text, m.Groups["kind"].Index);
            var engine = props.TryGetValue("engine", out var e) && EngineExpression().Match(e.Text) is { Success: true } em ? EngineName(em.Groups["engine"].Value) : null;
            var resource = new DbInstance
            {
                Id = id,
                Provenance = new Provenance { Origin = Origin.CloudFormation, File = file.Path, Line = line, Address = $"{id} (CDK {kind})" },
                IsCluster = cluster,
                Engine = engine,
                PubliclyAccessible = Bool(file, text, props, "publiclyAccessible", DbInstance.Defaults.PubliclyAccessible,
                    derived: props.TryGetValue("vpcSubnets", out var subnets) && subnets.Text.Contains("SubnetType.PUBLIC", StringComparison.Ordinal) ? (subnets, true) : null),
                // RETAIN turns deletion protection on; any other removal policy leaves it off, and is where the fix goes.
                DeletionProtection = Bool(file, text, props, "deletionProtection", DbInstance.Defaults.DeletionProtection,
                    derived: props.TryGetValue("removalPolicy", out var removal) ? (removal, removal.Text.EndsWith("RemovalPolicy.RETAIN", StringComparison.Ordinal)) : null),
                // The CDK encrypts a DatabaseCluster unless told not to; an instance only with a key.
                StorageEncrypted = Bool(file, text, props, "storageEncrypted", cluster || DbInstance.Defaults.StorageEncrypted,
                    derived: !cluster && props.TryGetValue("storageEncryptionKey", out var key) ? (key, true) : null),
                MultiAz = Bool(file, text, props, "multiAz", DbInstance.Defaults.MultiAz, derived: null),
                BackupRetentionPeriod = Retention(file, text, props),
            };
            var port = props.TryGetValue("port", out var p) && int.TryParse(p.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultPort(engine);
            yield return new Database(m.Groups["target"].Success ? Bare(m.Groups["target"].Value) : null, kind, resource, port);
        }
    }

    /// <summary>Where properties the call does not spell out may come from: props passed as a variable, a spread, **kwargs.</summary>
    private const string Elsewhere = "...";

    /// <summary>
    /// The construct's properties by camelCase name: a TypeScript object literal (a shorthand <c>{ deletionProtection }</c>
    /// is the variable of that name), or Python keyword arguments. Under <see cref="Elsewhere"/>, an expression that may
    /// hold the others.
    /// </summary>
    private static Dictionary<string, CdkArgument> Props(string text, List<CdkArgument> rest, bool python)
    {
        var result = new Dictionary<string, CdkArgument>(StringComparer.Ordinal);
        if (python)
        {
            foreach (var a in rest)
            {
                if (a.Name is not null) result[CdkCalls.Camel(a.Name)] = a;
                else if (a.Text.StartsWith("**", StringComparison.Ordinal)) result[Elsewhere] = a;
            }
            return result;
        }
        if (rest.FirstOrDefault() is not { } props) return result;
        var close = props.Text.StartsWith('{') ? CdkCalls.Closing(text, props.Offset, python: false) : -1;
        if (close < 0)
        {
            result[Elsewhere] = props; // new rds.DatabaseInstance(this, 'Db', dbProps)
            return result;
        }
        foreach (var a in CdkCalls.Properties(text, props.Offset, close))
        {
            if (a.Name is not null) result[a.Name] = a;
            else if (a.Text.StartsWith("...", StringComparison.Ordinal)) result[Elsewhere] = a;
            else if (a.Text.All(c => char.IsLetterOrDigit(c) || c is '_' or '$')) result[a.Text] = a with { Name = a.Text };
        }
        return result;
    }

    /// <summary>A written literal at its line; else what another property makes the CDK synthesize, at that property; else the default.</summary>
    private static Value<bool> Bool(SourceFile file, string text, Dictionary<string, CdkArgument> props, string name, bool fallback, (CdkArgument At, bool Value)? derived)
    {
        if (props.TryGetValue(name, out var a))
        {
            Value<bool> value = a.Text switch
            {
                "true" or "True" => true,
                "false" or "False" => false,
                _ => Value<bool>.Unresolved(a.Text),
            };
            return value.From(At(file, text, a));
        }
        // A derived "on" holds whatever else is passed; a derived "off" only when nothing else could set it.
        if (derived is { } d && (d.Value || !props.ContainsKey(Elsewhere))) return Value<bool>.Of(d.Value).From(At(file, text, d.At));
        return props.TryGetValue(Elsewhere, out var elsewhere) ? Value<bool>.Unresolved(elsewhere.Text).From(At(file, text, elsewhere)) : fallback;
    }

    /// <summary>backupRetention (instances), backup: { retention } (clusters), as days; the CDK leaves AWS's 1 day when absent.</summary>
    private static Value<int> Retention(SourceFile file, string text, Dictionary<string, CdkArgument> props)
    {
        string? written = null;
        var at = 0;
        if (props.TryGetValue("backupRetention", out var retention)) (written, at) = (retention.Text, CdkCalls.LineOf(text, retention.Offset));
        else if (props.TryGetValue("backup", out var backup))
        {
            var inner = RetentionInBackup().Match(backup.Text);
            if (!inner.Success) return DbInstance.Defaults.BackupRetentionPeriod; // backup: { preferredWindow } keeps the default retention
            written = inner.Groups["value"].Value.Trim();
            at = CdkCalls.LineOf(text, backup.Offset) + backup.Text[..inner.Index].Count(c => c == '\n');
        }
        if (written is null)
            return props.TryGetValue(Elsewhere, out var elsewhere) ? Value<int>.Unresolved(elsewhere.Text).From(At(file, text, elsewhere)) : DbInstance.Defaults.BackupRetentionPeriod;
        var value = DaysExpression().Match(written) is { Success: true } days
            ? Value<int>.Of(int.Parse(days.Groups["days"].Value, CultureInfo.InvariantCulture))
            : Value<int>.Unresolved(written);
        return value.From(ValueOrigin.InFile(file.Path, at));
    }

    private static ValueOrigin At(SourceFile file, string text, CdkArgument a) => ValueOrigin.InFile(file.Path, CdkCalls.LineOf(text, a.Offset));

    /// <summary>The engine as RDS names it, from the CDK's engine factory (postgres, auroraPostgres, AURORA_POSTGRESQL, aurora_mysql...).</summary>
    private static string EngineName(string written) => written.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "postgres" => "postgres",
        "mysql" => "mysql",
        "mariadb" => "mariadb",
        "aurorapostgres" or "aurorapostgresql" => "aurora-postgresql",
        _ => "aurora-mysql",
    };

    /// <summary>this.x / self.x / x as x, so a construct assigned to a field and used through it are the same.</summary>
    private static string Bare(string target) => target.StartsWith("this.", StringComparison.Ordinal) || target.StartsWith("self.", StringComparison.Ordinal) ? target[5..] : target;

    /// <summary>
    /// One security group per construct (sg.addIngressRule and sg.connections.allowFrom alike; db.connections.allowFrom is the database's), holding the ingress from
    /// ec2.Peer.anyIpv4() / anyIpv6() / ipv4("...") that the file adds to it; other peers (groups, prefix lists) admit
    /// no CIDR and are left out.
    /// </summary>
    private static IEnumerable<SecurityGroup> SecurityGroups(SourceFile file, string text, bool python, bool[] code, List<Database> databases)
    {
        var created = new Dictionary<string, (string Id, int Line)>(StringComparer.Ordinal);
        foreach (Match m in SecurityGroupConstruct().Matches(text))
        {
            if (!code[m.Index]) continue;
            var open = m.Index + m.Length - 1;
            var close = CdkCalls.Closing(text, open, python);
            var arguments = close < 0 ? [] : CdkCalls.Arguments(text, open, close, python);
            var id = arguments.Count >= 2 ? CdkCalls.StringLiteral(arguments[1].Text) : null;
            created[Bare(m.Groups["target"].Value)] = (id ?? Bare(m.Groups["target"].Value), CdkCalls.LineOf(text, m.Index));
        }
        var groups = new Dictionary<string, (int Line, List<IngressRule> Rules)>(StringComparer.Ordinal);
        foreach (Match m in IngressCall().Matches(text))
        {
            if (!code[m.Groups["method"].Index]) continue;
            var open = m.Index + m.Length - 1;
            var close = CdkCalls.Closing(text, open, python);
            if (close < 0) continue;
            var arguments = CdkCalls.Arguments(text, open, close, python);
            var method = CdkCalls.Camel(m.Groups["method"].Value);
            var receiver = Bare(m.Groups["receiver"].Value);
            var owner = receiver.EndsWith(".connections", StringComparison.Ordinal) ? receiver[..^".connections".Length] : receiver;
            var line = CdkCalls.LineOf(text, m.Groups["method"].Index);
            var anyIpv4 = method.Contains("AnyIpv4", StringComparison.Ordinal);
            var peer = anyIpv4 ? null : Argument(arguments, 0, "peer", "other");
            var sources = anyIpv4 ? [Value<string>.Of("0.0.0.0/0").From(ValueOrigin.InFile(file.Path, line))] : Sources(file, text, peer);
            if (sources is null) continue;
            var defaultPort = method.StartsWith("allowDefaultPort", StringComparison.Ordinal);
            var portArgument = defaultPort ? null : Argument(arguments, anyIpv4 ? 0 : 1, "connection", "portRange");
            var rule = defaultPort
                ? DefaultPortRule(databases.FirstOrDefault(d => d.Target == owner)?.Port, receiver, line)
                : portArgument is null ? null : PortRule(portArgument.Text, line);
            if (rule is null) continue;
            if (!groups.TryGetValue(owner, out var group)) groups[owner] = group = (line, []);
            group.Rules.Add(rule with { Sources = sources, Line = line });
        }
        foreach (var (owner, (line, rules)) in groups)
        {
            // Named as the user wrote it: the SecurityGroup construct's id, or the database whose connections these are.
            var (id, header, address) = created.TryGetValue(owner, out var c) ? (c.Id, c.Line, $"{c.Id} (CDK SecurityGroup)")
                : databases.FirstOrDefault(d => d.Target == owner) is { } db ? (db.Resource.Id, db.Resource.Provenance.Line, $"{db.Resource.Id}.connections (CDK {db.Kind})")
                : (owner, line, $"{owner} (CDK security group)");
            yield return new SecurityGroup
            {
                Id = id,
                Name = id,
                Provenance = new Provenance { Origin = Origin.CloudFormation, File = file.Path, Line = header, Address = address },
                Ingress = rules,
            };
        }
    }

    private static CdkArgument? Argument(List<CdkArgument> arguments, int position, params string[] names) =>
        arguments.FirstOrDefault(a => a.Name is { } n && names.Contains(CdkCalls.Camel(n)))
        ?? (position < arguments.Count && arguments[position].Name is null ? arguments[position] : null);

    /// <summary>The CIDRs a peer admits: null when it names no CIDR (a security group, a prefix list).</summary>
    private static IReadOnlyList<Value<string>>? Sources(SourceFile file, string text, CdkArgument? peer)
    {
        if (peer is null || PeerExpression().Match(peer.Text) is not { Success: true } m) return null;
        var origin = At(file, text, peer);
        var value = m.Groups["kind"].Value switch
        {
            "anyIpv4" or "any_ipv4" => Value<string>.Of("0.0.0.0/0"),
            "anyIpv6" or "any_ipv6" => Value<string>.Of("::/0"),
            _ => CdkCalls.StringLiteral(m.Groups["arg"].Value) is { } cidr ? Value<string>.Of(cidr) : Value<string>.Unresolved(m.Groups["arg"].Value.Trim()),
        };
        return [value.From(origin)];
    }

    private static IngressRule? PortRule(string text, int line)
    {
        if (PortExpression().Match(text) is not { Success: true } m) return null;
        if (m.Groups["constant"].Success)
            return NamedPorts.TryGetValue(m.Groups["constant"].Value, out var named) ? new IngressRule { Protocol = "tcp", FromPort = named, ToPort = named, Line = line } : null;
        var args = m.Groups["args"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Value<int> Number(int i) => i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Value<int>.Unresolved(i < args.Length ? args[i] : text);
        var kind = CdkCalls.Camel(m.Groups["kind"].Value);
        return kind switch
        {
            "tcp" or "udp" => new IngressRule { Protocol = kind, FromPort = Number(0), ToPort = Number(0), Line = line },
            "tcpRange" or "udpRange" => new IngressRule { Protocol = kind[..3], FromPort = Number(0), ToPort = Number(1), Line = line },
            "allTcp" or "allUdp" => new IngressRule { Protocol = kind[3..].ToLowerInvariant(), FromPort = 0, ToPort = 65535, Line = line },
            _ => new IngressRule { Protocol = "-1", FromPort = 0, ToPort = 65535, Line = line },
        };
    }

    private static IngressRule DefaultPortRule(int? port, string receiver, int line) => port is { } p
        ? new IngressRule { Protocol = "tcp", FromPort = p, ToPort = p, Line = line }
        : new IngressRule { Protocol = "tcp", FromPort = Value<int>.Unresolved($"the default port of {receiver}"), ToPort = Value<int>.Unresolved($"the default port of {receiver}"), Line = line };
}
