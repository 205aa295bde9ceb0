using System.Globalization;
using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Readiness.Runner.Sources.Iac;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Readiness.Runner.Sources.Terraform;

/// <summary>
/// The Terraform functions, over plain evaluated values (numbers are decimal). A function given arguments Terraform
/// would reject throws; the evaluator turns that into a failed unknown. <see cref="UnknownResult"/> says the result
/// depends on something a scan cannot know (the clock, a random id).
/// </summary>
public static class TerraformFunctions
{
    public sealed class UnknownResult : Exception;

    /// <summary>Functions that work on lists and maps whose elements may be unknown (only the arguments themselves must be known).</summary>
    public static readonly HashSet<string> Structural =
    [
        "length", "keys", "values", "merge", "concat", "flatten", "lookup", "element", "slice", "tolist", "toset", "tomap",
        "zipmap", "one", "coalescelist", "reverse", "compact", "sensitive", "nonsensitive", "contains", "index", "chunklist",
    ];

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static object? Call(string name, List<object?> a, TfModule module)
    {
        string S(int i) => IacValues.AsString(a[i]) ?? throw new ArgumentException("expected a string");
        decimal N(int i) => IacValues.AsNumber(a[i]) ?? throw new ArgumentException("expected a number");
        int I(int i) => N(i) == Math.Floor(N(i)) ? (int)N(i) : throw new ArgumentException("expected a whole number");
        List<object?> L(int i) => a[i] switch
        {
            List<object?> list => list,
            _ => throw new ArgumentException("expected a list"),
        };
        Dictionary<string, object?> M(int i) => a[i] as Dictionary<string, object?> ?? throw new ArgumentException("expected a map");
        IEnumerable<object?> Rest(int from) => a.Skip(from);
        void Args(int min, int max = int.MaxValue)
        {
            if (a.Count < min || a.Count > max) throw new ArgumentException($"{name} takes {min}..{max} arguments");
        }

        switch (name)
        {
            // ---- numbers ----
            case "abs": Args(1, 1); return Math.Abs(N(0));
            case "ceil": Args(1, 1); return Math.Ceiling(N(0));
            case "floor": Args(1, 1); return Math.Floor(N(0));
            case "signum": Args(1, 1); return (decimal)Math.Sign(N(0));
            case "pow": Args(2, 2); return (decimal)Math.Pow((double)N(0), (double)N(1));
            case "log": Args(2, 2); return (decimal)Math.Log((double)N(0), (double)N(1));
            case "min": Args(1); return a.Select((_, i) => N(i)).Min();
            case "max": Args(1); return a.Select((_, i) => N(i)).Max();
            case "sum": Args(1, 1); return L(0).Count == 0 ? throw new ArgumentException("empty list") : L(0).Select(x => IacValues.AsNumber(x) ?? throw new ArgumentException("not a number")).Sum();
            case "parseint": Args(2, 2); return ParseInt(S(0), I(1));
            case "tonumber": Args(1, 1); return a[0] is null ? null : IacValues.AsNumber(a[0]) ?? throw new ArgumentException("not a number");

            // ---- strings ----
            case "lower": Args(1, 1); return S(0).ToLowerInvariant();
            case "upper": Args(1, 1); return S(0).ToUpperInvariant();
            case "title": Args(1, 1); return System.Text.RegularExpressions.Regex.Replace(S(0), @"\b\p{Ll}", m => m.Value.ToUpperInvariant(), RegexOptions.None, RegexTimeout);
            case "trimspace": Args(1, 1); return S(0).Trim();
            case "chomp": Args(1, 1); return S(0).TrimEnd('\r', '\n');
            case "trim": Args(2, 2); return S(0).Trim(S(1).ToCharArray());
            case "trimprefix": Args(2, 2); return S(0).StartsWith(S(1), StringComparison.Ordinal) ? S(0)[S(1).Length..] : S(0);
            case "trimsuffix": Args(2, 2); return S(0).EndsWith(S(1), StringComparison.Ordinal) ? S(0)[..^S(1).Length] : S(0);
            case "startswith": Args(2, 2); return S(0).StartsWith(S(1), StringComparison.Ordinal);
            case "endswith": Args(2, 2); return S(0).EndsWith(S(1), StringComparison.Ordinal);
            case "strcontains": Args(2, 2); return S(0).Contains(S(1), StringComparison.Ordinal);
            case "strrev": Args(1, 1); return new string(S(0).Reverse().ToArray());
            case "substr": Args(3, 3); return Substr(S(0), I(1), I(2));
            case "indent": Args(2, 2); return S(1).Replace("\n", "\n" + new string(' ', I(0)), StringComparison.Ordinal);
            case "replace": Args(3, 3); return Replace(S(0), S(1), S(2));
            case "regex": Args(2, 2); return RegexMatch(S(0), S(1));
            case "regexall": Args(2, 2); return RegexAll(S(0), S(1));
            case "split": Args(2, 2); return S(1).Length == 0 ? new List<object?>() : S(1).Split(S(0)).Select(x => (object?)x).ToList();
            case "join": Args(2); return string.Join(S(0), Rest(1).SelectMany(x => x as List<object?> ?? throw new ArgumentException("expected a list")).Select(x => IacValues.AsString(x) ?? throw new ArgumentException("null in join")));
            case "format": Args(1); return Format(S(0), Rest(1).ToList());
            case "formatlist": Args(1); return FormatList(S(0), Rest(1).ToList());
            case "tostring": Args(1, 1); return a[0] is null ? null : IacValues.AsString(a[0]) ?? throw new ArgumentException("not a primitive");
            case "tobool": Args(1, 1); return a[0] is null ? null : IacValues.AsBool(a[0]) ?? throw new ArgumentException("not a bool");

            // ---- collections ----
            case "length":
                Args(1, 1);
                return a[0] switch
                {
                    string s => (decimal)new StringInfo(s).LengthInTextElements,
                    List<object?> list => (decimal)list.Count,
                    Dictionary<string, object?> map => (decimal)map.Count,
                    _ => throw new ArgumentException("length of a value that has none"),
                };
            case "keys": Args(1, 1); return M(0).Keys.Order(StringComparer.Ordinal).Select(k => (object?)k).ToList();
            case "values": Args(1, 1); return M(0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
            case "lookup":
                Args(2, 3);
                if (M(0).TryGetValue(S(1), out var found)) return found;
                return a.Count > 2 ? a[2] : throw new ArgumentException("key not found");
            case "merge":
                return a.Where(x => x is not null)
                    .SelectMany(x => x as Dictionary<string, object?> ?? throw new ArgumentException("merge takes maps"))
                    .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            case "concat": return a.SelectMany(x => x as List<object?> ?? throw new ArgumentException("concat takes lists")).ToList();
            case "flatten": Args(1, 1); return Flatten(L(0));
            case "distinct": Args(1, 1); return Distinct(L(0));
            case "compact": Args(1, 1); return L(0).Where(x => x is not null && !(x is string { Length: 0 })).Select(x => x is IacUnknown ? x : IacValues.AsString(x)).ToList();
            case "coalescelist":
                Args(1);
                return a.Select(x => x as List<object?> ?? throw new ArgumentException("coalescelist takes lists")).FirstOrDefault(l => l.Count > 0) ?? new List<object?>();
            case "contains": Args(2, 2); return Contains(L(0), a[1]);
            case "index":
                Args(2, 2);
                if (!IacValues.IsKnown(a[0])) throw new UnknownResult();
                var at = L(0).FindIndex(x => IacValues.Equal(x, a[1]));
                return at >= 0 ? (decimal)at : throw new ArgumentException("value not in list");
            case "element":
                Args(2, 2);
                if (L(0).Count == 0) throw new ArgumentException("element of an empty list");
                return L(0)[((I(1) % L(0).Count) + L(0).Count) % L(0).Count];
            case "one":
                Args(1, 1);
                return L(0).Count switch { 0 => null, 1 => L(0)[0], _ => throw new ArgumentException("one() of several elements") };
            case "slice":
                Args(3, 3);
                if (I(1) < 0 || I(2) > L(0).Count || I(1) > I(2)) throw new ArgumentException("slice out of range");
                return L(0).GetRange(I(1), I(2) - I(1));
            case "reverse": Args(1, 1); return Enumerable.Reverse(L(0)).ToList();
            case "sort": Args(1, 1); return L(0).Select(x => IacValues.AsString(x) ?? throw new ArgumentException("sort takes strings")).Order(StringComparer.Ordinal).Select(x => (object?)x).ToList();
            case "range": return Range(a.Select((_, i) => N(i)).ToList());
            case "zipmap":
                Args(2, 2);
                if (L(0).Count != L(1).Count) throw new ArgumentException("zipmap lists differ in length");
                var zipped = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < L(0).Count; i++) zipped[IacValues.AsString(L(0)[i]) ?? throw new UnknownResult()] = L(1)[i];
                return zipped;
            case "chunklist":
                Args(2, 2);
                if (I(1) <= 0) return new List<object?> { L(0) };
                return L(0).Chunk(I(1)).Select(c => (object?)c.ToList()).ToList();
            case "alltrue": Args(1, 1); return L(0).All(x => IacValues.AsBool(x) ?? throw new ArgumentException("alltrue takes bools"));
            case "anytrue": Args(1, 1); return L(0).Any(x => IacValues.AsBool(x) ?? throw new ArgumentException("anytrue takes bools"));
            case "setunion": Args(1); return Distinct(a.SelectMany((_, i) => L(i)).ToList());
            case "setintersection": Args(1); return Distinct(L(0).Where(x => a.Skip(1).All(other => Contains((List<object?>)other!, x))).ToList());
            case "setsubtract": Args(2, 2); return Distinct(L(0).Where(x => !Contains(L(1), x)).ToList());
            case "setproduct":
                Args(1);
                IEnumerable<List<object?>> product = [[]];
                for (var i = 0; i < a.Count; i++)
                {
                    var items = L(i);
                    product = product.SelectMany(p => items.Select(x => (List<object?>)[.. p, x]));
                }
                return product.Select(p => (object?)p).ToList();
            case "transpose":
                Args(1, 1);
                var transposed = new SortedDictionary<string, List<object?>>(StringComparer.Ordinal);
                foreach (var (k, v) in M(0))
                {
                    foreach (var item in v as List<object?> ?? throw new ArgumentException("transpose takes a map of lists"))
                    {
                        var key = IacValues.AsString(item) ?? throw new ArgumentException("transpose takes strings");
                        if (!transposed.TryGetValue(key, out var keys)) transposed[key] = keys = [];
                        keys.Add(k);
                    }
                }
                return transposed.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal);
            case "tolist": Args(1, 1); return a[0] is null ? null : L(0);
            case "toset": Args(1, 1); return a[0] is null ? null : IacValues.IsKnown(a[0]) ? ToSet(L(0)) : L(0);
            case "tomap": Args(1, 1); return a[0] is null ? null : M(0);
            case "sensitive" or "nonsensitive": Args(1, 1); return a[0];

            // ---- encoding ----
            case "jsonencode": Args(1, 1); return IacValues.IsKnown(a[0]) ? IacValues.ToJson(a[0]) : throw new UnknownResult();
            case "jsondecode": Args(1, 1); return IacValues.FromJson(JsonDocument.Parse(S(0)).RootElement.Clone());
            case "yamldecode": Args(1, 1); return YamlDecode(S(0));
            case "yamlencode": Args(1, 1); return YamlEncode(a[0]);
            case "base64encode": Args(1, 1); return Convert.ToBase64String(Encoding.UTF8.GetBytes(S(0)));
            case "base64decode": Args(1, 1); return Encoding.UTF8.GetString(Convert.FromBase64String(S(0)));
            case "urlencode": Args(1, 1); return Uri.EscapeDataString(S(0));
            case "md5": Args(1, 1); return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(S(0))));
            case "sha1": Args(1, 1); return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(S(0))));
            case "sha256": Args(1, 1); return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(S(0))));
            case "sha512": Args(1, 1); return Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(S(0))));
            case "base64sha256": Args(1, 1); return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(S(0))));

            // ---- files, relative to the root module's directory as Terraform's working directory ----
            case "file": Args(1, 1); return module.FileSystem.Read(Resolve(module, S(0))) ?? throw new ArgumentException("no such file");
            case "fileexists": Args(1, 1); return module.FileSystem.Read(Resolve(module, S(0))) is not null;
            case "filebase64": Args(1, 1); return Convert.ToBase64String(Encoding.UTF8.GetBytes(module.FileSystem.Read(Resolve(module, S(0))) ?? throw new ArgumentException("no such file")));
            case "basename": Args(1, 1); return S(0).TrimEnd('/').Split('/')[^1];
            case "dirname": Args(1, 1); return S(0).Contains('/') ? S(0)[..S(0).TrimEnd('/').LastIndexOf('/')] : ".";

            // ---- networks ----
            case "cidrsubnet": Args(3, 3); return Cidr.Subnet(S(0), I(1), new BigInteger(N(2)));
            case "cidrhost": Args(2, 2); return Cidr.Host(S(0), new BigInteger(N(1)));
            case "cidrnetmask": Args(1, 1); return Cidr.Netmask(S(0));
            case "cidrsubnets": Args(1); return Cidr.Subnets(S(0), a.Skip(1).Select((_, i) => I(i + 1)).ToList());

            // ---- what a scan cannot know ----
            case "timestamp" or "uuid" or "bcrypt" or "plantimestamp" or "timeadd" or "formatdate" or "uuidv5" or "filemd5" or "filesha256" or "fileset":
                throw new UnknownResult();
            default:
                throw new UnknownResult();
        }
    }

    /// <summary>A file path as the functions see it: relative to the root module, as a repository-relative path.</summary>
    public static string Resolve(TfModule module, string path)
    {
        if (path.StartsWith('/') || path.Contains('\\')) return "/" + path; // absolute: outside the tree
        return Normalize(module.RootDirectory == "." ? path : module.RootDirectory + "/" + path);
    }

    /// <summary>path.module: the module's directory relative to the root module's.</summary>
    public static string RelativePath(string from, string to)
    {
        var a = from == "." ? [] : from.Split('/');
        var b = to == "." ? [] : to.Split('/');
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common]) common++;
        var parts = Enumerable.Repeat("..", a.Length - common).Concat(b.Skip(common)).ToList();
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    /// <summary>Collapses "." and ".." segments; a path that leaves the tree starts with "../".</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(segment);
        }
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    private static decimal ParseInt(string s, int radix)
    {
        if (radix is < 2 or > 62) throw new ArgumentException("base out of range");
        var negative = s.StartsWith('-');
        var digits = negative || s.StartsWith('+') ? s[1..] : s;
        if (digits.Length == 0) throw new ArgumentException("no digits");
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        decimal value = 0;
        foreach (var c in digits)
        {
            var digit = radix <= 36 ? alphabet.IndexOf(char.ToLowerInvariant(c)) : alphabet.IndexOf(c);
            if (digit < 0 || digit >= radix) throw new ArgumentException("invalid digit");
            value = value * radix + digit;
        }
        return negative ? -value : value;
    }

    private static string Substr(string s, int offset, int length)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        if (offset < 0) offset += elements.Count;
        if (offset < 0 || offset > elements.Count) throw new ArgumentException("offset out of range");
        if (length < 0 || offset + length > elements.Count) length = elements.Count - offset;
        return string.Concat(elements.Skip(offset).Take(length));
    }

    /// <summary>Terraform regexes are RE2: named groups are written (?P&lt;name&gt;...).</summary>
    private static Regex Re(string pattern) => new(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.None, RegexTimeout);

    private static string Replace(string s, string search, string replacement)
    {
        if (search.Length > 1 && search.StartsWith('/') && search.EndsWith('/')) return Re(search[1..^1]).Replace(s, replacement);
        return search.Length == 0 ? s : s.Replace(search, replacement, StringComparison.Ordinal);
    }

    private static object? RegexMatch(string pattern, string s)
    {
        var re = Re(pattern);
        var match = re.Match(s);
        if (!match.Success) throw new ArgumentException("no match");
        return MatchValue(re, match);
    }

    private static List<object?> RegexAll(string pattern, string s)
    {
        var re = Re(pattern);
        return re.Matches(s).Select(m => MatchValue(re, m)).ToList();
    }

    private static object? MatchValue(Regex re, Match match)
    {
        var names = re.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToList();
        if (names.Count > 0) return names.ToDictionary(n => n, n => (object?)(match.Groups[n].Success ? match.Groups[n].Value : null), StringComparer.Ordinal);
        if (match.Groups.Count > 1) return match.Groups.Cast<Group>().Skip(1).Select(g => (object?)(g.Success ? g.Value : null)).ToList();
        return match.Value;
    }

    private static List<object?> Flatten(List<object?> list)
    {
        var result = new List<object?>();
        foreach (var item in list)
        {
            if (item is List<object?> inner) result.AddRange(Flatten(inner));
            else if (item is IacUnknown) throw new UnknownResult();
            else result.Add(item);
        }
        return result;
    }

    private static bool Contains(List<object?> list, object? value)
    {
        if (list.Any(x => IacValues.IsKnown(x) && IacValues.IsKnown(value) && IacValues.Equal(x, value))) return true;
        if (!IacValues.IsKnown(list) || !IacValues.IsKnown(value)) throw new UnknownResult();
        return false;
    }

    private static List<object?> Distinct(List<object?> list)
    {
        if (!IacValues.IsKnown(list)) throw new UnknownResult();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return list.Where(x => seen.Add(IacValues.ToJson(IacValues.Normalize(x)))).ToList();
    }

    /// <summary>A set: distinct elements; strings in lexical order, as Terraform iterates them.</summary>
    private static List<object?> ToSet(List<object?> list)
    {
        var distinct = Distinct(list);
        return distinct.All(x => x is string) ? distinct.OrderBy(x => (string)x!, StringComparer.Ordinal).ToList() : distinct;
    }

    private static List<object?> Range(List<decimal> n)
    {
        var (start, limit, step) = n.Count switch
        {
            1 => (0m, n[0], 1m),
            2 => (n[0], n[1], n[0] <= n[1] ? 1m : -1m),
            3 => (n[0], n[1], n[2]),
            _ => throw new ArgumentException("range takes 1 to 3 arguments"),
        };
        if (step == 0) throw new ArgumentException("step 0");
        var result = new List<object?>();
        for (var x = start; step > 0 ? x < limit : x > limit; x += step)
        {
            if (result.Count >= 1024) throw new ArgumentException("range too long"); // Terraform's own limit
            result.Add(x);
        }
        return result;
    }

    private static string Format(string format, List<object?> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
            i++;
            if (format[i] == '%') { sb.Append('%'); continue; }
            var flags = new StringBuilder();
            while (i < format.Length && "+-# 0".Contains(format[i])) flags.Append(format[i++]);
            var width = 0;
            while (i < format.Length && char.IsDigit(format[i])) width = width * 10 + (format[i++] - '0');
            int? precision = null;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = 0;
                while (i < format.Length && char.IsDigit(format[i])) precision = precision * 10 + (format[i++] - '0');
            }
            if (i >= format.Length || next >= args.Count) throw new ArgumentException("format: not enough arguments");
            var arg = args[next++];
            var text = format[i] switch
            {
                's' or 'v' when arg is string or decimal or bool => IacValues.AsString(arg)!,
                'v' or '#' => IacValues.ToJson(arg),
                'q' => JsonSerializer.Serialize(IacValues.AsString(arg) ?? throw new ArgumentException("format %q")),
                'd' => decimal.Truncate(IacValues.AsNumber(arg) ?? throw new ArgumentException("format %d")).ToString(CultureInfo.InvariantCulture),
                'f' => (IacValues.AsNumber(arg) ?? throw new ArgumentException("format %f")).ToString("F" + (precision ?? 6), CultureInfo.InvariantCulture),
                'x' => ((long)(IacValues.AsNumber(arg) ?? throw new ArgumentException("format %x"))).ToString("x", CultureInfo.InvariantCulture),
                't' => IacValues.AsString(IacValues.AsBool(arg) ?? throw new ArgumentException("format %t"))!,
                _ => throw new ArgumentException($"format verb %{format[i]}"),
            };
            if (format[i] == 's' && precision is { } p && text.Length > p) text = text[..p];
            var pad = flags.ToString().Contains('0') && format[i] is 'd' or 'f' ? '0' : ' ';
            text = flags.ToString().Contains('-') ? text.PadRight(width) : text.PadLeft(width, pad);
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static List<object?> FormatList(string format, List<object?> args)
    {
        var length = args.OfType<List<object?>>().Select(l => l.Count).DefaultIfEmpty(1).Max();
        var result = new List<object?>();
        for (var i = 0; i < length; i++) result.Add(Format(format, args.Select(x => x is List<object?> l ? l[i] : x).ToList()));
        return result;
    }

    private static object? YamlDecode(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return yaml.Documents.Count == 0 ? null : FromYaml(yaml.Documents[0].RootNode);
    }

    private static object? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(kv => kv.Key.ToString(), kv => FromYaml(kv.Value), StringComparer.Ordinal),
        YamlSequenceNode seq => seq.Children.Select(FromYaml).ToList(),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Scalar(scalar.Value),
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    /// <summary>A plain YAML scalar by the core schema: null, bool, number or string.</summary>
    private static object? Scalar(string? value) => value switch
    {
        null or "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => value,
    };

    private static string YamlEncode(object? value)
    {
        if (!IacValues.IsKnown(value)) throw new UnknownResult();
        return new SerializerBuilder().Build().Serialize(ToPlain(value));
    }

    private static object? ToPlain(object? value) => value switch
    {
        List<object?> list => list.Select(ToPlain).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        _ => value,
    };

    /// <summary>cidrsubnet, cidrhost, cidrnetmask and cidrsubnets for IPv4 and IPv6.</summary>
    private static class Cidr
    {
        private static (BigInteger Address, int Prefix, int Bits) Parse(string cidr)
        {
            var slash = cidr.IndexOf('/');
            if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var ip) || !int.TryParse(cidr[(slash + 1)..], out var prefix))
                throw new ArgumentException("invalid CIDR");
            var bytes = ip.GetAddressBytes();
            var bits = bytes.Length * 8;
            if (prefix < 0 || prefix > bits) throw new ArgumentException("invalid prefix");
            var address = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            var mask = ((BigInteger.One << bits) - 1) ^ ((BigInteger.One << (bits - prefix)) - 1);
            return (address & mask, prefix, bits);
        }

        private static string Text(BigInteger address, int bits)
        {
            var bytes = address.ToByteArray(isUnsigned: true, isBigEndian: true);
            var full = new byte[bits / 8];
            Array.Copy(bytes, 0, full, full.Length - bytes.Length, bytes.Length);
            return new IPAddress(full).ToString();
        }

        public static string Subnet(string prefix, int newBits, BigInteger number)
        {
            var (address, length, bits) = Parse(prefix);
            if (newBits < 0 || length + newBits > bits) throw new ArgumentException("not enough address space");
            if (number < 0 || number >= BigInteger.One << newBits) throw new ArgumentException("network number too large");
            var shifted = address | (number << (bits - length - newBits));
            return $"{Text(shifted, bits)}/{length + newBits}";
        }

        public static string Host(string prefix, BigInteger number)
        {
            var (address, length, bits) = Parse(prefix);
            var size = BigInteger.One << (bits - length);
            if (number < 0) number += size;
            if (number < 0 || number >= size) throw new ArgumentException("host number out of range");
            return Text(address | number, bits);
        }

        public static string Netmask(string prefix)
        {
            var (_, length, bits) = Parse(prefix);
            if (bits != 32) throw new ArgumentException("netmask of IPv6");
            return Text(((BigInteger.One << 32) - 1) ^ ((BigInteger.One << (32 - length)) - 1), 32);
        }

        public static List<object?> Subnets(string prefix, List<int> newBits)
        {
            var (address, length, bits) = Parse(prefix);
            var result = new List<object?>();
            var next = address;
            foreach (var n in newBits)
            {
                var size = length + n;
                if (n < 1 || size > bits) throw new ArgumentException("not enough address space");
                var block = BigInteger.One << (bits - size);
                var aligned = (next + block - 1) / block * block;
                if (aligned + block > address + (BigInteger.One << (bits - length))) throw new ArgumentException("not enough address space");
                result.Add($"{Text(aligned, bits)}/{size}");
                next = aligned + block;
            }
            return result;
        }
    }
}
