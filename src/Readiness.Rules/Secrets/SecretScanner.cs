using System.Text.RegularExpressions;
using Readiness.Rules.Model;

namespace Readiness.Rules.Secrets;

/// <summary>What the secret scan found in one file; computed once and shared by the six secret rules.</summary>
public sealed class SecretScan
{
    public required FileContext Context { get; init; }
    public required IReadOnlyList<SecretHit> Hits { get; init; }

    /// <summary>Regex windows abandoned because a match exceeded its time limit (pathological input).</summary>
    public int Timeouts { get; init; }

    /// <summary>True when the file held more than <see cref="SecretScanner.MaxHitsPerFile"/> secrets and the rest were not reported.</summary>
    public bool Truncated { get; init; }
}

/// <summary>
/// Scans a file for secrets in three passes over keyword windows: provider detectors (most specific first), hardcoded
/// fallbacks of secret environment variables, then generic secret-named assignments. A span claimed by one pass is
/// never reported again by a later one, so each secret yields one finding.
/// </summary>
public static partial class SecretScanner
{
    public const string GenericDetector = "generic-assignment";
    public const string PlaceholderDetector = "placeholder";
    public const string FallbackDetector = "env-fallback";

    /// <summary>A file with more secrets than this is generated data; the first ones are enough to act on.</summary>
    public const int MaxHitsPerFile = 200;

    /// <summary>Files larger than this are scanned by the provider detectors only (the walker already caps sizes).</summary>
    private const int MaxJudgedFileLength = 2 * 1024 * 1024;

    internal static IReadOnlyList<string> GenericKeywordList => GenericKeywords;
    internal static IReadOnlyList<string> FallbackKeywordList => FallbackKeywords;

    private static readonly string[] GenericKeywords =
    [
        "password", "passwd", "passphrase", "pwd", "secret", "token", "apikey", "api_key", "api-key", "_key", "-key", ".key",
        "privatekey", "signingkey", "masterkey", "encryptionkey", "authkey", "hmackey", "jwtkey", "appkey", "credential",
        "accesskey", "accountkey", "adminkey", "clientkey", "servicekey", "sessionkey", "licensekey",
    ];

    private static readonly string[] FallbackKeywords = ["environ", "getenv", "process.env", "meta.env", "getenvironmentvariable", "??", "config(", "env("];

    /// <summary>The scan of <paramref name="file"/> with the shipped detectors, computed once per file.</summary>
    public static SecretScan Of(SourceFile file) => Of(file, DetectorSet.Shipped);

    /// <summary>The scan of <paramref name="file"/> with a scan's detectors (the shipped ones and a ruleset's), computed once per file and set.</summary>
    public static SecretScan Of(SourceFile file, DetectorSet set) => file.Parsed(_ => new ScansBySet()).Of(file, set);

    public static SecretScan Scan(SourceFile file) => Scan(file, DetectorSet.Shipped, DetectorSet.Shipped.Detectors);

    /// <summary>A fresh scan with every detector of <paramref name="set"/> (sample checks; rules use <see cref="Of(SourceFile, DetectorSet)"/>).</summary>
    public static SecretScan Scan(SourceFile file, DetectorSet set) => Scan(file, set, set.Detectors);

    /// <summary>Only <paramref name="detectors"/> (a detector's own samples), with the generic passes as in a whole scan.</summary>
    public static SecretScan Scan(SourceFile file, IReadOnlyList<Detector> detectors) => Scan(file, DetectorSet.Shipped, detectors);

    /// <summary>A file's scans, one per detector set (a scan has one set), appended lock-free instead of a dictionary per file.</summary>
    private sealed class ScansBySet
    {
        private (DetectorSet Set, Lazy<SecretScan> Scan)[] scans = [];

        public SecretScan Of(SourceFile file, DetectorSet set)
        {
            while (true)
            {
                var current = Volatile.Read(ref scans);
                foreach (var (existingSet, scan) in current)
                {
                    if (ReferenceEquals(existingSet, set)) return scan.Value;
                }
                var lazy = new Lazy<SecretScan>(() => Scan(file, set, set.Detectors));
                if (Interlocked.CompareExchange(ref scans, [.. current, (set, lazy)], current) == current) return lazy.Value;
            }
        }
    }

    private static SecretScan Scan(SourceFile file, DetectorSet set, IReadOnlyList<Detector> detectors)
    {
        var context = FileContext.Of(file);
        var text = file.Text;
        var state = new ScanState(file, context);
        if (text.Length == 0) return state.Result();

        var (filter, genericGroup, fallbackGroup) = (set.Prefilter, set.GenericGroup, set.FallbackGroup);
        var positions = new List<int>?[genericGroup + 2];
        filter.Find(text, (group, position) => (positions[group] ??= []).Add(position));

        // A whole set's detectors are its prefilter groups in order: no lookup per detector and file.
        var wholeSet = ReferenceEquals(detectors, set.Detectors);
        for (var i = 0; i < detectors.Count; i++)
        {
            if (wholeSet && positions[i] is null) continue;
            var detector = detectors[i];
            if (detector.SkipsPath is { } skips && skips(file.Path)) continue;
            var index = i;
            if (!wholeSet && !set.Index.TryGetValue(detector, out index))
            {
                // A detector outside the shipped set (tests of a single YAML entry): run it on its own keywords.
                var own = new KeywordPrefilter([detector.Keywords]);
                var found = new List<int>();
                own.Find(text, (_, p) => found.Add(p));
                RunDetector(state, detector, found);
                continue;
            }
            if (positions[index] is { } hits) RunDetector(state, detector, hits);
        }
        PairAwsKeys(state);

        var judges = context.JudgesAssignments && text.Length <= MaxJudgedFileLength;
        if (judges && positions[fallbackGroup] is { } fallbackHits && file.Language is Language.Python or Language.JavaScript or Language.TypeScript or Language.CSharp)
            RunFallbacks(state, fallbackHits);
        // C# string literals in secret-named members are judged through Roslyn by the C# rules (RDY12xx).
        if (judges && file.Language != Language.CSharp)
        {
            if (context.IsProduction) RunAssignments(state, AllLines(text));
            else if (positions[genericGroup] is { } genericHits) RunAssignments(state, genericHits);
        }
        return state.Result();
    }

    // ---------------------------------------------------------------- provider detectors

    private static void RunDetector(ScanState state, Detector detector, List<int> keywordPositions)
    {
        var text = state.File.Text;
        foreach (var (start, end) in Windows(text, keywordPositions, back: 512, forward: detector.Block ? 16384 : 1024, wholeLines: !detector.Block))
        {
            if (!Matches(state, detector.Regex, start, end, m => OnDetectorMatch(state, detector, m))) continue;
        }
    }

    private static void OnDetectorMatch(ScanState state, Detector detector, Match m)
    {
        var group = m.Groups["secret"];
        var value = group.Success ? group.Value : m.Value;
        var start = group.Success ? group.Index : m.Index;
        if (value.Length == 0 || state.Claimed(start, start + value.Length)) return;
        // A truncated example in docs or a shortened copy: "sk_live_51H8...".
        if (state.File.Text.AsSpan(start + value.Length).StartsWith("...", StringComparison.Ordinal)) return;
        if (detector.MinEntropy is { } min && SecretValues.Entropy(value) < min) return;
        if (SecretValues.IsReference(value)) return;
        if (SecretValues.IsKnownExample(value) || detector.AllowedValues.Any(a => a.IsMatch(value)))
        {
            state.Reject(start, start + value.Length);
            return;
        }

        var kind = detector.Kind;
        var severity = detector.Severity;
        var extra = new Dictionary<string, string>();
        switch (detector.Validate)
        {
            // A token that fails GitHub's checksum was invented: in tests, docs and examples that is all it is; in code
            // and configuration it is reported anyway (a mistyped or truncated real token still leaks most of it).
            case "github-crc32" when !Validators.GitHubChecksum(value) && state.Context.IsIllustrative:
            case "jwt" when !Validators.JwtHasRealPayload(value):
            case "pem-body" when !Validators.PemHasKeyBody(value):
            case "base64-pem-private-key" when !Validators.IsBase64PemPrivateKey(value):
            case "basic-auth-base64" when !Validators.IsBasicAuthWithPassword(value):
                // The format is known and this value fails it (an invented token): later passes must not report it either.
                state.Reject(start, start + value.Length);
                return;
            case "url-password" or "assigned-password":
                var host = m.Groups["host"];
                var documentationHost = false;
                if (host.Success)
                {
                    // A documentation host (example.com, .test, "hostname") marks the whole URL as an example; in
                    // configuration production loads it is a placeholder left where the real URL belongs.
                    if (IsTemplatedHost(host.Value)) return;
                    documentationHost = IsExampleHost(host.Value);
                    if (documentationHost && !state.Context.IsProduction) return;
                    if (IsLocalHost(host.Value) && !state.Context.IsProduction) return;
                    extra["host"] = host.Value;
                }
                if (documentationHost || SecretValues.IsPlaceholder(value) || (detector.Validate == "assigned-password" && SecretValues.LooksLikeIdentifierOrPath(value)))
                {
                    if (!state.Context.IsProduction) return;
                    kind = SecretKind.Placeholder;
                }
                break;
            // A ruleset's own detector decides what a placeholder is itself (false samples, allowlist): its regex
            // describes one issuer's format, where the shipped heuristics (a repeated unit) could reject its real tokens.
            case null when detector.Kind == SecretKind.Custom:
                break;
            default:
                if (detector.Exact ? SecretValues.IsExplicitPlaceholder(value) : SecretValues.IsPlaceholder(value)) return;
                break;
        }
        if (detector.Near.Count > 0 && !IsNear(state.File.Text, start, start + value.Length, detector.Near)) return;
        if (detector.Pair is { } pair && PairedId(state, pair, start, value.Length) is { } id)
        {
            severity = Severity.Critical;
            extra["pairedId"] = detector.PairName!;
            extra["pairedIdPreview"] = Text.Redaction.Preview(id.Value);
            extra["pairedIdHmac"] = Text.Redaction.Hash(id.Value);
            extra["pairedIdLine"] = state.File.LineOf(id.Index).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        state.Add(new SecretHit
        {
            Kind = kind,
            DetectorId = detector.Id,
            Title = detector.Title,
            Severity = severity,
            Start = start,
            Length = value.Length,
            Value = value,
            Revoke = detector.Revoke,
            Extra = extra,
        });
    }

    /// <summary>The detector's paired identifier nearest the secret within 5 lines either side, not overlapping it.</summary>
    private static Group? PairedId(ScanState state, Regex pair, int start, int length)
    {
        var text = state.File.Text;
        int from = start, to = start + length;
        for (var lines = 0; from > 0 && lines <= 5 && start - from < 4096; from--) if (text[from - 1] == '\n') lines++;
        for (var lines = 0; to < text.Length && lines <= 5 && to - start < 4096; to++) if (text[to] == '\n') lines++;
        Group? best = null;
        Matches(state, pair, from, to, m =>
        {
            var id = m.Groups["id"].Success ? m.Groups["id"] : m;
            if (id.Index < start + length && start < id.Index + id.Length) return;
            if (best is null || Math.Abs(id.Index - start) < Math.Abs(best.Index - start)) best = id;
        });
        return best;
    }

    /// <summary>An access key id near its secret access key is one credential: report the pair once, as critical.</summary>
    private static void PairAwsKeys(ScanState state)
    {
        var ids = state.Hits.Where(h => h.DetectorId == "aws-access-key-id").ToList();
        foreach (var secret in state.Hits.Where(h => h.DetectorId == "aws-secret-access-key").ToList())
        {
            var line = state.File.LineOf(secret.Start);
            var id = ids.Where(i => Math.Abs(state.File.LineOf(i.Start) - line) <= 5).MinBy(i => Math.Abs(i.Start - secret.Start));
            if (id is null) continue;
            ids.Remove(id);
            state.Remove(id);
            state.Replace(secret, secret with
            {
                DetectorId = "aws-access-key-pair",
                Title = "AWS access key pair (access key ID and secret access key)",
                Severity = Severity.Critical,
                Extra = new Dictionary<string, string>
                {
                    ["accessKeyIdPreview"] = Text.Redaction.Preview(id.Value),
                    ["accessKeyIdHmac"] = Text.Redaction.Hash(id.Value),
                    ["accessKeyIdLine"] = state.File.LineOf(id.Start).ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            });
        }
    }

    // ---------------------------------------------------------------- fallbacks (CSEC-18)

    [GeneratedRegex("""(?<![\w.])(?:os\.environ\.get|os\.getenv|environ\.get|getenv|env\.str|env|config)\(\s*(?<q1>["'])(?<name>[^"'\r\n]{1,100})\k<q1>\s*,\s*(?:default\s*=\s*)?(?<value>"(?:[^"\\\r\n]|\\.){0,500}"|'(?:[^'\\\r\n]|\\.){0,500}')""", RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex PythonFallback();

    [GeneratedRegex("""(?:process|import\.meta)\.env(?:\.(?<name>[A-Za-z_$][\w$]*)|\[\s*(?<q1>["'`])(?<name>[^"'`\r\n]{1,100})\k<q1>\s*\])\s*(?:\|\||\?\?)\s*(?<value>"(?:[^"\\\r\n]|\\.){0,500}"|'(?:[^'\\\r\n]|\\.){0,500}'|`[^`$\r\n]{0,500}`)""", RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex JavaScriptFallback();

    [GeneratedRegex("""(?:Environment\.GetEnvironmentVariable\(\s*"(?<name>[^"\r\n]{1,100})"\s*\)|\[\s*"(?<name>[^"\r\n]{1,100})"\s*\]|GetValue<string\??>\(\s*"(?<name>[^"\r\n]{1,100})"\s*\)|GetConnectionString\(\s*"(?<name>[^"\r\n]{1,100})"\s*\))\s*\?\?\s*(?<value>@?"(?:[^"\\\r\n]|\\.){0,500}")""", RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex CSharpFallback();

    [GeneratedRegex(@"^[a-z]{1,6}=[^&]*&[a-z]{1,6}=")]
    private static partial Regex QueryString();

    private static void RunFallbacks(ScanState state, List<int> positions)
    {
        var file = state.File;
        var regex = file.Language switch
        {
            Language.Python => PythonFallback(),
            Language.JavaScript or Language.TypeScript => JavaScriptFallback(),
            _ => CSharpFallback(),
        };
        foreach (var (start, end) in Windows(file.Text, positions, back: 512, forward: 1024, wholeLines: true))
        {
            Matches(state, regex, start, end, m =>
            {
                var name = m.Groups["name"].Value;
                if (!SecretNames.IsSecretName(name)) return;
                var (value, valueStart) = Unquote(m.Groups["value"].Value, m.Groups["value"].Index);
                if (value.Length == 0 || SecretValues.IsReference(value) || SecretValues.IsKnownExample(value)) return;
                if (state.Claimed(valueStart, valueStart + value.Length)) return;
                state.Add(new SecretHit
                {
                    Kind = SecretKind.Fallback,
                    DetectorId = FallbackDetector,
                    Title = "Hardcoded fallback for a secret",
                    Severity = Severity.High,
                    Start = valueStart,
                    Length = value.Length,
                    Value = value,
                    Name = name,
                });
            });
        }
    }

    // ---------------------------------------------------------------- generic secret-named assignments

    // name, optional closing quote of a JSON/YAML key (escaped inside a string: \"key\"; or of an index: os.environ["X"] =), optional type (password: str =,
    // Go's `var token string =`), operator (Makefile ::= ?=, PHP .=, Go :=), value (quoted, escaped-quoted or bare; a bare
    // value ends at a backslash so "A_TOKEN=x\nB=y" inside a JSON string stops at the escaped newline).
    [GeneratedRegex("""(?<![A-Za-z0-9_$.-])(?<name>(?:[A-Za-z_$]|[0-9]+[A-Za-z_])[A-Za-z0-9_.$:-]{0,80}?)\\?["']?\]?(?:[ \t]*:[ \t]*[A-Za-z_][\w\[\]., |]{0,40}?[ \t]*|[ \t]+(?:string|String|\[\]byte|str)[ \t]*|[ \t]*)(?<op>==|!=|:::=|::=|:=|\?\?=|\?=|\+=|\.=|=>|=|:)[ \t]*(?<value>\\"(?:[^"\\\r\n]|\\[^"\r\n]){0,500}\\"|"(?:[^"\\\r\n]|\\.){0,500}"|'(?:[^'\\\r\n]|\\.){0,500}'|`[^`\r\n]{0,500}`|[^\s,;#'"`\\]{1,500})""", RegexOptions.ExplicitCapture, 2000)]
    internal static partial Regex Assignment();

    // A name and its value as the two arguments of a setter: System.setProperty("X_TOKEN", "..."), os.Setenv, map.put.
    [GeneratedRegex("""(?<![\w])(?:setProperty|setenv|Setenv|putenv|put|setdefault|SetEnvironmentVariable)\(\s*(?<q>["'])(?<name>[A-Za-z_][\w.:-]{0,100})\k<q>\s*,\s*(?<value>"(?:[^"\\\r\n]|\\.){0,500}"|'(?:[^'\\\r\n]|\\.){0,500}')""", RegexOptions.ExplicitCapture, 2000)]
    internal static partial Regex SetterCall();

    // XML: <apiToken>value</apiToken> (the value may sit on the next line) and <add key="ApiKey" value="..." />.
    [GeneratedRegex("""<(?<name>[A-Za-z_][\w.:-]{0,80})(?:\s[^<>]{0,200})?>[ \t]*\r?\n?[ \t]*(?<value>[^<>\s]{1,500})\s*</\k<name>\s*>|\b(?:key|name)\s*=\s*"(?<name>[^"\r\n]{1,100})"\s+value\s*=\s*(?<value>"[^"\r\n]{0,500}")""", RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex XmlValue();

    // A Terraform variable block's header; its body starts after the brace.
    [GeneratedRegex("""(?m)^[ \t]*variable[ \t]+"(?<name>[^"\r\n]{1,100})"[ \t]*\{""", RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex TerraformVariable();

    // The default argument of a variable block: a quoted literal, or a bare word (null, var.x) that Judge turns down.
    [GeneratedRegex("""(?m)^[ \t]*default[ \t]*=[ \t]*(?<value>"(?:[^"\\\r\n]|\\.){0,500}"|[^\s,;#"{}\[\]]{1,500})""", RegexOptions.ExplicitCapture, 2000)]
    private static partial Regex VariableDefault();

    /// <summary>The index of the brace that closes the block whose body starts at <paramref name="bodyStart"/> (braces in strings ignored), at most 16 KB on.</summary>
    private static int BlockEnd(string text, int bodyStart)
    {
        var limit = Math.Min(text.Length, bodyStart + 16384);
        var depth = 1;
        var inString = false;
        for (var i = bodyStart; i < limit; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c is '"' or '\n') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return limit;
    }

    private static void RunAssignments(ScanState state, IEnumerable<int> positions)
    {
        var file = state.File;
        var context = state.Context;
        var keywordPositions = positions as IReadOnlyCollection<int> ?? positions.ToList();
        var quotedOnly = context.IsCode || context.IsHcl;
        foreach (var (start, end) in Windows(file.Text, keywordPositions, back: 160, forward: 640, wholeLines: true))
        {
            var window = file.Text.AsSpan(start, end - start);
            if (MayHoldAssignment(window, quotedOnly)) Matches(state, Assignment(), start, end, OnAssignment);
            if (MayHoldSetterCall(window)) Matches(state, SetterCall(), start, end, m => Judge(m.Groups["name"].Value, m.Groups["value"], m.Index));
        }
        // An XML element's value may sit on the line after its opening tag.
        if (file.Language == Language.Xml || file.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (start, end) in Windows(file.Text, keywordPositions, back: 160, forward: 640, wholeLines: false))
                Matches(state, XmlValue(), start, end, m => Judge(m.Groups["name"].Value, m.Groups["value"], m.Index));
        }
        // Terraform: `variable "db_password" { default = "..." }` names the secret on the header, not on the default's line.
        if (file.Language is Language.Terraform or Language.Hcl)
            Matches(state, TerraformVariable(), 0, file.Text.Length, OnVariable);

        void OnVariable(Match header)
        {
            var name = header.Groups["name"].Value;
            if (!SecretNames.IsSecretName(name)) return;
            var bodyStart = header.Index + header.Length;
            Matches(state, VariableDefault(), bodyStart, BlockEnd(file.Text, bodyStart), m => Judge(name, m.Groups["value"], m.Index));
        }

        void OnAssignment(Match m)
        {
            if (m.Groups["op"].Value is "==" or "!=") return;
            var raw = m.Groups["value"];
            Judge(m.Groups["name"].Value.TrimEnd(':', '.', '-'), raw, m.Index);
            // A string that holds a document of its own ("config.ini": "API_TOKEN=...\nDEBUG=1"): judge what is inside.
            if (raw.Length > 4 && raw.Value[0] is '"' or '\'' && raw.Value.AsSpan(1).IndexOfAny('=', ':') >= 0)
                Matches(state, Assignment(), raw.Index + 1, raw.Index + raw.Length - 1, inner =>
                {
                    if (inner.Groups["op"].Value is not ("==" or "!=")) Judge(inner.Groups["name"].Value.TrimEnd(':', '.', '-'), inner.Groups["value"], inner.Index);
                });
        }

        void Judge(string name, Group raw, int matchIndex)
        {
            // RDY4203 reports a literal in a template's Lambda environment, naming the function: one finding per secret.
            if (context.IsCloudFormationTemplate && IsLambdaEnvironmentVariable(file.Text, raw.Index)) return;
            var quoted = raw.Value[0] is '"' or '\'' or '`' || raw.Value.StartsWith("\\\"", StringComparison.Ordinal);
            // In code and HCL an unquoted value is an expression (os.environ[...], settings.X, a call, var.x): not a literal.
            if ((context.IsCode || context.IsHcl) && !quoted) return;
            // A YAML or JSON flow list or map (compose's `secrets: [db_password]`) holds names, not a secret.
            if (!quoted && raw.Value[0] is '[' or '{') return;
            var (value, valueStart) = Unquote(raw.Value, raw.Index);
            // A truncated example ("ops_eyJzaWdu...") shows where a secret goes, not a secret.
            if (value.EndsWith("...", StringComparison.Ordinal) || value.EndsWith('\u2026')) return;
            // Prose and code around a bare value: "(... = true)." ends the value at the punctuation.
            if (!quoted) value = value.TrimEnd(')', ']', '}', '.', ':', '>');
            // A query string without a signature (an Azure SAS without sig=) grants nothing.
            if (QueryString().IsMatch(value) && !value.Contains("sig=", StringComparison.Ordinal)) return;
            if (value.Length == 0 || state.Claimed(valueStart, valueStart + value.Length)) return;
            var secretNamed = SecretNames.IsSecretName(name);
            // A long run of digits under a secret name is a numeric token (legacy Asana, PINs), not a setting.
            var numericToken = secretNamed && value.Length >= 16 && value.All(char.IsAsciiDigit);
            if (SecretValues.IsBooleanOrNumber(value) && !numericToken) return;
            if (SecretValues.IsKnownExample(value) || SecretValues.IsReference(value)) return;

            // Any key of a production config file may hold "..._REPLACE_ME"; in code only secret-named targets are judged.
            if (context.IsProduction && (secretNamed ? SecretValues.IsPlaceholder(value) : !context.IsCode && SecretValues.IsExplicitPlaceholder(value)))
            {
                state.Add(Hit(SecretKind.Placeholder, PlaceholderDetector, "Placeholder in production configuration", name, value, valueStart));
                return;
            }
            if (!secretNamed || SecretValues.IsPlaceholder(value) || (!numericToken && SecretValues.LooksLikeIdentifierOrPath(value))) return;
            // A value with a provider's prefix (cfut_ZE4Crc..., xai-...) that is shorter than that provider's tokens is a
            // truncated copy; a full-length one its detector rejected may still be a mangled real token, and is judged.
            if (IsTruncatedProviderToken(value)) return;
            // Base64 of a placeholder ("0a:xxxxxxxx..." encoded) is still a placeholder.
            if (SecretValues.DecodesToPlaceholder(value)) return;
            if (value.Any(char.IsWhiteSpace) || (context.IsCode && value.Contains("%s", StringComparison.Ordinal))) return;
            state.Add(Hit(SecretKind.Assignment, GenericDetector, "Hardcoded secret", name, value, valueStart) with
            {
                Extra = new Dictionary<string, string>
                {
                    ["entropy"] = SecretValues.Entropy(value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    ["judgedAs"] = context.IsCode ? "code" : "config",
                },
            });
        }

        static SecretHit Hit(SecretKind kind, string detector, string title, string name, string value, int start) => new()
        {
            Kind = kind,
            DetectorId = detector,
            Title = title,
            Severity = Severity.High,
            Start = start,
            Length = value.Length,
            Value = value,
            Name = name,
        };
    }

    /// <summary>
    /// False only when no match of <see cref="Assignment"/> in <paramref name="window"/> could be judged: every
    /// operator holds '=' or ':', and where only quoted values are judged (<paramref name="quotedOnly"/>: code and
    /// HCL) a judged value is a quote right after an operator's last character ('=', ':' or '>'), spaces, tabs or
    /// the backslash of <c>\"</c> between. Most windows of code (a line naming a token or a key) have neither, and
    /// the regex is then most of what judging them costs.
    /// </summary>
    internal static bool MayHoldAssignment(ReadOnlySpan<char> window, bool quotedOnly)
    {
        if (window.IndexOfAny('=', ':') < 0) return false;
        if (!quotedOnly) return true;
        for (var i = window.IndexOfAny(Quotes); i >= 0; i = NextQuote(window, i))
        {
            var j = i - 1;
            if (j >= 0 && window[j] == '\\' && window[i] == '"') j--;
            while (j >= 0 && window[j] is ' ' or '\t') j--;
            if (j >= 0 && window[j] is '=' or ':' or '>') return true;
        }
        return false;

        static int NextQuote(ReadOnlySpan<char> window, int i)
        {
            var next = window[(i + 1)..].IndexOfAny(Quotes);
            return next < 0 ? -1 : i + 1 + next;
        }
    }

    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("\"'`");

    /// <summary>False only when <paramref name="window"/> holds none of <see cref="SetterCall"/>'s function names (each holds "put", "set" or "Set").</summary>
    internal static bool MayHoldSetterCall(ReadOnlySpan<char> window) => window.ContainsAny(SetterWordParts);

    private static readonly System.Buffers.SearchValues<string> SetterWordParts = System.Buffers.SearchValues.Create(["set", "Set", "put"], StringComparison.Ordinal);

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// Runs a regex over one window; false when the window was abandoned after a timeout. The time limit is wall-clock
    /// time, so on a loaded machine (a shared CI runner) an ordinary window can run out of it, the first match paying
    /// for compiling the regex: the window is retried once from where it stopped with <see cref="PatientTimeout"/>,
    /// until one such retry in the file times out too (then the input itself is slow, and the rest is not retried).
    /// </summary>
    private static bool Matches(ScanState state, Regex regex, int start, int end, Action<Match> onMatch)
    {
        var from = start;
        void Run(Regex attempt)
        {
            for (var m = attempt.Match(state.File.Text, from, end - from); m.Success; m = m.NextMatch())
            {
                onMatch(m);
                from = m.Index + Math.Max(m.Length, 1);
            }
        }

        try
        {
            Run(regex);
            return true;
        }
        catch (RegexMatchTimeoutException) when (!state.PatientRetryFailed && from < end)
        {
            try
            {
                Run(PatientCopies.GetValue(regex, r => new Regex(r.ToString(), r.Options, PatientTimeout)));
                return true;
            }
            catch (RegexMatchTimeoutException)
            {
                state.PatientRetryFailed = true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }
        state.Timeouts++;
        return false;
    }

    internal static readonly TimeSpan PatientTimeout = TimeSpan.FromSeconds(10);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Regex, Regex> PatientCopies = new();

    /// <summary>
    /// Merged windows around keyword positions: from the start of the keyword's line (at most <paramref name="back"/>
    /// characters before it) to the end of its line (at most <paramref name="forward"/> characters after it), or to
    /// <paramref name="forward"/> characters after it when matches may span lines. Minified one-line files stay bounded.
    /// </summary>
    internal static List<(int Start, int End)> Windows(string text, IEnumerable<int> positions, int back, int forward, bool wholeLines)
    {
        var windows = new List<(int Start, int End)>();
        foreach (var position in positions)
        {
            var from = Math.Max(0, position - back);
            // A line-scoped window starts on the keyword's line; a block window may start lines earlier
            // (a key's BEGIN line before its Proc-Type keyword), then at the start of that line.
            var lookFrom = wholeLines ? from : Math.Max(0, from - 256);
            var lookTo = wholeLines ? position : from;
            var newline = text.AsSpan(lookFrom, lookTo - lookFrom).LastIndexOf('\n');
            var start = newline >= 0 ? lookFrom + newline + 1 : wholeLines ? from : lookFrom;
            var to = Math.Min(text.Length, position + forward);
            var end = to;
            if (wholeLines)
            {
                var next = text.AsSpan(position, to - position).IndexOf('\n');
                if (next >= 0) end = position + next;
            }
            if (windows.Count > 0 && start <= windows[^1].End) windows[^1] = (windows[^1].Start, Math.Max(windows[^1].End, end));
            else windows.Add((start, end));
        }
        return windows;
    }

    private static IEnumerable<int> AllLines(string text)
    {
        yield return 0;
        for (var i = text.IndexOf('\n'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1)) yield return i + 1;
    }

    private static (string Value, int Start) Unquote(string raw, int index)
    {
        if (raw.StartsWith('@')) { raw = raw[1..]; index++; }
        // A quoted value inside another string: \"value\" (JSON or env held in a JSON or YAML string).
        if (raw.Length >= 4 && raw.StartsWith("\\\"", StringComparison.Ordinal) && raw.EndsWith("\\\"", StringComparison.Ordinal)) return (raw[2..^2], index + 2);
        if (raw.Length >= 2 && raw[0] is '"' or '\'' or '`' && raw[^1] == raw[0]) return (raw[1..^1], index + 1);
        return (raw, index);
    }

    // Keywords that end a token's unique prefix (cfut_, xai-, glpat-); "secret_" is a word, not a provider's prefix. A
    // value shorter than the full token it starts like (a detector's `lengths`, else 32 characters) is a truncated copy.
    private static readonly Lazy<(string Prefix, int FullLength)[]> ProviderPrefixes = new(() =>
    {
        // Loops, not LINQ grouping over tuples, whose iterators the precompiled image lacks (issue 20). In first-seen
        // order, each prefix with the longest full length any detector gives it.
        var longest = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var d in DetectorCatalog.Detectors)
        {
            foreach (var k in d.Keywords)
            {
                if (!(d.Lengths.ContainsKey(k) || (k.Length >= 4 && k[^1] is '_' or '-' && !k.Contains(' ') && k != "secret_"))) continue;
                var fullLength = d.Lengths.TryGetValue(k, out var n) ? n : 32;
                if (longest.TryGetValue(k, out var seen)) longest[k] = Math.Max(seen, fullLength);
                else { longest[k] = fullLength; order.Add(k); }
            }
        }
        var prefixes = new (string, int)[order.Count];
        for (var i = 0; i < order.Count; i++) prefixes[i] = (order[i], longest[order[i]]);
        return prefixes;
    });

    private static bool IsTruncatedProviderToken(string value)
    {
        foreach (var (prefix, fullLength) in ProviderPrefixes.Value)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value.Length > prefix.Length && value.Length < fullLength) return true;
        }
        return false;
    }

    private static bool IsNear(string text, int start, int end, IReadOnlyList<string> words)
    {
        var from = Math.Max(0, start - 2000);
        var to = Math.Min(text.Length, end + 2000);
        foreach (var word in words)
        {
            if (text.AsSpan(from, to - from).Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when the YAML line holding <paramref name="index"/> is a key of <c>Environment: Variables:</c> in the
    /// properties of an <c>AWS::Lambda::Function</c> or <c>AWS::Serverless::Function</c> resource. Read by indentation:
    /// the nearest less-indented lines must be Variables, Environment, Properties and the resource's logical id.
    /// </summary>
    internal static bool IsLambdaEnvironmentVariable(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var indent = Indentation(text, lineStart);
        string[] expected = ["Variables", "Environment", "Properties"];
        var found = 0;
        var position = lineStart;
        while (position > 0)
        {
            var end = position - 1;
            var start = end == 0 ? 0 : text.LastIndexOf('\n', end - 1) + 1;
            position = start;
            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.IsEmpty || trimmed[0] == '#') continue;
            var lineIndent = line.Length - trimmed.Length;
            if (lineIndent >= indent) continue;
            indent = lineIndent;
            var colon = trimmed.IndexOf(':');
            if (colon <= 0) return false;
            var key = trimmed[..colon].Trim().Trim('"').Trim('\'');
            if (found < expected.Length)
            {
                if (!key.Equals(expected[found], StringComparison.Ordinal)) return false;
                found++;
                continue;
            }
            // The resource's logical id: its own block must say it is a function.
            var blockEnd = end;
            while (blockEnd < text.Length)
            {
                var next = text.IndexOf('\n', blockEnd + 1);
                var nextLine = text.AsSpan(blockEnd + 1, (next < 0 ? text.Length : next) - blockEnd - 1).TrimEnd('\r');
                var nextTrimmed = nextLine.TrimStart();
                if (!nextTrimmed.IsEmpty && nextTrimmed[0] != '#' && nextLine.Length - nextTrimmed.Length <= lineIndent) break;
                if (LambdaFunctionType().IsMatch(nextTrimmed)) return true;
                if (next < 0) break;
                blockEnd = next;
            }
            return false;
        }
        return false;
    }

    private static int Indentation(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i - lineStart;
    }

    [GeneratedRegex(@"^[""']?Type[""']?\s*:\s*[""']?AWS::(?:Lambda|Serverless)::Function[""']?\s*(?:#|$)")]
    private static partial Regex LambdaFunctionType();

    private static bool IsExampleHost(string host)
    {
        var h = host.ToLowerInvariant();
        return h is "host" or "hostname" or "server" or "domain" or "domain.com" or "yourdomain.com" or "your-host" or "db-host"
            || h.EndsWith("example.com", StringComparison.Ordinal) || h.EndsWith("example.org", StringComparison.Ordinal)
            || h.EndsWith("example.net", StringComparison.Ordinal) || h.EndsWith(".example", StringComparison.Ordinal)
            || h.EndsWith(".invalid", StringComparison.Ordinal) || h.EndsWith(".test", StringComparison.Ordinal);
    }

    /// <summary>A host filled in at deploy time (${DB_HOST}, {{host}}, &lt;host&gt;): the URL is a template.</summary>
    private static bool IsTemplatedHost(string host) => host.Contains('<') || host.Contains('{') || host.Contains('$');

    /// <summary>Loopback and single-label hosts (docker-compose service names): a development setup unless in production config.</summary>
    private static bool IsLocalHost(string host)
    {
        var h = host.ToLowerInvariant();
        return h is "localhost" or "0.0.0.0" or "[::1]" or "host.docker.internal" || h.StartsWith("127.", StringComparison.Ordinal)
            || !h.Contains('.');
    }

    private sealed class ScanState(SourceFile file, FileContext context)
    {
        private readonly List<SecretHit> hits = [];

        // Claimed and rejected spans, disjoint and sorted by start, so overlap checks stay logarithmic on hostile files.
        private readonly List<(int Start, int End)> spans = [];

        public SourceFile File { get; } = file;
        public FileContext Context { get; } = context;
        public int Timeouts { get; set; }
        public bool PatientRetryFailed { get; set; }
        public bool Truncated { get; private set; }
        public IReadOnlyList<SecretHit> Hits => hits;

        /// <summary>True when a hit already covers the span, or a detector judged it not a secret.</summary>
        public bool Claimed(int start, int end)
        {
            var index = FirstStartingAtOrAfter(end) - 1;
            return index >= 0 && spans[index].End > start;
        }

        public void Reject(int start, int end) => Insert(start, end);

        public void Add(SecretHit hit)
        {
            if (hits.Count >= MaxHitsPerFile)
            {
                Truncated = true;
                return;
            }
            hits.Add(hit);
            Insert(hit.Start, hit.End);
        }

        public void Remove(SecretHit hit)
        {
            hits.Remove(hit);
            spans.Remove((hit.Start, hit.End));
        }

        public void Replace(SecretHit old, SecretHit replacement) => hits[hits.IndexOf(old)] = replacement;

        private void Insert(int start, int end) => spans.Insert(FirstStartingAtOrAfter(start), (start, end));

        private int FirstStartingAtOrAfter(int position)
        {
            int lo = 0, hi = spans.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (spans[mid].Start < position) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>
        /// The hits by start, those starting together in the order found (a stable sort, as OrderBy was: its sorter
        /// for an int key is not in the precompiled image and was JIT-ed on every scan, issue 20).
        /// </summary>
        private static List<SecretHit> ByStart(List<SecretHit> hits)
        {
            var keys = new long[hits.Count];
            for (var i = 0; i < keys.Length; i++) keys[i] = ((long)hits[i].Start << 32) | (uint)i;
            Array.Sort(keys);
            var sorted = new List<SecretHit>(keys.Length);
            foreach (var key in keys) sorted.Add(hits[(int)(key & 0xFFFFFFFF)]);
            return sorted;
        }

        public SecretScan Result() => new()
        {
            Context = Context,
            Hits = ByStart(hits),
            Timeouts = Timeouts,
            Truncated = Truncated,
        };
    }
}

/// <summary>
/// The detectors of one scan, in the order they claim spans: a ruleset's own detectors first (an organisation's
/// token format is more specific than any shipped one), then the shipped ones, with one keyword prefilter over all
/// of them and the generic passes, built once per set.
/// </summary>
public sealed class DetectorSet
{
    public static DetectorSet Shipped { get; } = new([]);

    public DetectorSet(IReadOnlyList<Detector> custom)
    {
        Detectors = [.. custom, .. DetectorCatalog.Detectors];
        var groups = Detectors.Select(d => d.Keywords).ToList();
        groups.Add(SecretScanner.GenericKeywordList);
        groups.Add(SecretScanner.FallbackKeywordList);
        Prefilter = new KeywordPrefilter(groups);
        GenericGroup = groups.Count - 2;
        FallbackGroup = groups.Count - 1;
        var index = new Dictionary<Detector, int>(Detectors.Count);
        for (var i = 0; i < Detectors.Count; i++) index[Detectors[i]] = i;
        Index = index;
    }

    public IReadOnlyList<Detector> Detectors { get; }
    internal KeywordPrefilter Prefilter { get; }
    internal int GenericGroup { get; }
    internal int FallbackGroup { get; }

    /// <summary>Each detector's prefilter group.</summary>
    internal IReadOnlyDictionary<Detector, int> Index { get; }
}
