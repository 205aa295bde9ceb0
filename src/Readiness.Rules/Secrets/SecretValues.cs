using System.Buffers;
using System.Text.RegularExpressions;

namespace Readiness.Rules.Secrets;

/// <summary>
/// Judges a candidate value: a documented example, a placeholder that was never filled in, a reference to somewhere
/// else (an environment variable, a template, a secret store), or something that looks like a real secret.
/// </summary>
public static partial class SecretValues
{
    /// <summary>Values published in vendor documentation; they are never findings.</summary>
    private static readonly HashSet<string> KnownExamples = new(StringComparer.Ordinal)
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "pk_test_TYooMQauvdEDq54NiTphI7jx",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        // Azurite / storage emulator and Cosmos DB emulator keys: public, identical on every machine.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
        // Example keys of github.com/firebase/firebase-android-sdk (public by design; listed by gitleaks).
        "AIzaSyabcdefghijklmnopqrstuvwxyz1234567", "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs", "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
        "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU", "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0", "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A",
        "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c", "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4", "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
        "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM", "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ", "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g",
        "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU", "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw", "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE",
        "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY",
        // The Algolia search-only key bundled in Yarn's CLI (yarnpkg/berry#6201): public by design.
        "6fe4476ee5a1832882e326b506d14126",
    };

    /// <summary>Words that mark a value as not filled in, wherever they appear in it.</summary>
    private static readonly SearchValues<string> PlaceholderMarkers = SearchValues.Create(
    [
        "changeme", "change_me", "change-me", "change.me", "changeit", "change_this", "change-this", "changethis",
        "replace_me", "replace-me", "replaceme", "replace_with", "replace-with", "replace_this", "replace-this",
        "your_", "your-", "your.", "yourkey", "yoursecret", "yourpassword", "yourtoken",
        "placeholder", "dummy", "example", "sample", "redacted", "fixme", "todo_", "todo-", "insert_", "insert-", "insert your",
        "_here", "-here", "here>", "in_production", "in-production", "in_prod", "in-prod", "for_production", "for-production",
        "before_production", "before-production", "not_set", "not-set", "notset", "set_me", "set-me", "setme", "fill_in", "fill-in",
        "xxxx", "****", "...", "12345", "abc123", "abcdef", "<your", "enter_", "enter-", "put_your", "put-your", "super-secret", "super_secret", "supersecret",
        "some-secret", "some_secret", "somesecret", "mysecret", "my-secret", "my_secret", "mypassword", "my-password", "my_password",
        "mytoken", "my-token", "my_token", "fake_", "dev-secret", "dev_secret",
        "devsecret", "local-secret", "local_secret", "test-secret", "test_secret", "insecure", "fake-", "_fake", "-fake",
        "a1b2c3d4", "0123456789", "abcdefgh", "qwertyui",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whole values that are placeholders or obvious dummies (compared case-insensitively).</summary>
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "token", "key", "apikey", "api_key", "api-key", "secret_key", "secretkey",
        "none", "null", "nil", "undefined", "empty", "default", "test", "testing", "demo", "string", "value", "foo", "bar",
        "foobar", "baz", "abc", "abc123", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "todo", "tbd",
        "na", "n/a", "required", "optional", "unset", "fake", "mock", "stub", "sample", "example", "private", "hidden",
        "access_token", "refresh_token", "client_secret", "jwt_secret", "db_password", "s3cr3t", "secret123", "password123",
        // Vendor defaults (MinIO, RabbitMQ, databases): never a value someone chose.
        "minioadmin", "minio123", "guest", "admin", "root", "postgres", "mysql", "sa", "changeit", "letmein", "qwerty",
    };

    /// <summary>A documented example value, or a value that only says "not set" or "put something here".</summary>
    public static bool IsKnownExample(string value) => KnownExamples.Contains(value) || CurveConstants.Contains(value);

    /// <summary>
    /// Published 256-bit elliptic-curve parameters (group order, generator x and y of secp256k1, NIST P-256 and
    /// brainpoolP256r1, checked against the cryptography package): 0x and 64 hex digits, as a private key is, but
    /// public, in every crypto library (cryptography's ec.py writes them beside private_key code).
    /// </summary>
    private static readonly HashSet<string> CurveConstants = new(StringComparer.OrdinalIgnoreCase)
    {
        "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141",
        "0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798",
        "0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8",
        "0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
        "0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296",
        "0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5",
        "0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7",
        "0x8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262",
        "0x547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997",
    };

    public static bool IsPlaceholder(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return true;
        if (PlaceholderWords.Contains(v)) return true;
        if (v.AsSpan().IndexOfAny(PlaceholderMarkers) >= 0) return true;
        if (RepeatedCharacter().IsMatch(v) || IsOneRepeatedPattern(v)) return true;
        // <your-key>, [Your secret], {secret}, %s
        return (v[0] == '<' && v[^1] == '>') || (v[0] == '[' && v[^1] == ']') || (v[0] == '{' && v[^1] == '}') || v is "%s" or "%v";
    }

    /// <summary>A base64 value that decodes to printable text which is itself a placeholder ("MGE6eHh4..." is "0a:xxxx...").</summary>
    public static bool DecodesToPlaceholder(string value)
    {
        if (value.Length < 8 || value.Length % 4 != 0) return false;
        var bytes = new byte[value.Length * 3 / 4];
        if (!Convert.TryFromBase64String(value, bytes, out var written)) return false;
        string text;
        try { text = new System.Text.UTF8Encoding(false, true).GetString(bytes, 0, written); }
        catch (System.Text.DecoderFallbackException) { return false; }
        if (text.Any(char.IsControl)) return false;
        // The placeholder is the part after a "user:" or "id:" label, if any.
        var colon = text.LastIndexOf(':');
        return IsPlaceholder(text) || (colon >= 0 && colon < text.Length - 1 && IsPlaceholder(text[(colon + 1)..]));
    }

    /// <summary>
    /// One short unit repeated (abcd1234abcd1234, glc_1111...1=): typed by hand to fill a field, never issued. The prefix
    /// up to the last '_' or '-' and trailing '=' padding are ignored.
    /// </summary>
    public static bool IsOneRepeatedPattern(string value)
    {
        var body = value.AsSpan().TrimEnd('=');
        var cut = body.LastIndexOfAny('_', '-');
        if (cut >= 0 && cut < body.Length - 8) body = body[(cut + 1)..];
        if (body.Length < 8) return false;
        for (var unit = 1; unit <= Math.Min(16, body.Length / 2); unit++)
        {
            var repeated = true;
            for (var i = unit; i < body.Length && repeated; i++) repeated = body[i] == body[i % unit];
            if (repeated) return true;
        }
        return false;
    }

    /// <summary>true/false/yes/no/on/off or a number: a setting, never a secret or a placeholder for one.</summary>
    public static bool IsBooleanOrNumber(string value) =>
        value.Trim().ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" || Number().IsMatch(value.Trim());

    /// <summary>A strong placeholder: a value that announces it must be replaced (used for keys that are not secret-named).</summary>
    public static bool IsExplicitPlaceholder(string value) => ExplicitPlaceholder().IsMatch(value);

    /// <summary>A value that points elsewhere: an environment variable, a template, a secret-store or IaC reference.</summary>
    public static bool IsReference(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return false;
        if (v.Contains("${", StringComparison.Ordinal) || v.Contains("{{", StringComparison.Ordinal) || v.Contains("$(", StringComparison.Ordinal)
            || v.Contains("#{", StringComparison.Ordinal) || v.Contains("%(", StringComparison.Ordinal) || v.Contains("<%", StringComparison.Ordinal))
            return true;
        if (v[0] == '$' && v.Length > 1 && (char.IsLetter(v[1]) || v[1] == '_')) return true;
        if (v.Length > 2 && v[0] == '%' && v[^1] == '%') return true;
        return ReferencePrefix().IsMatch(v);
    }

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0) return 0;
        Span<int> counts = stackalloc int[128];
        var other = new Dictionary<char, int>();
        foreach (var c in value)
        {
            if (c < 128) counts[c]++;
            else other[c] = other.GetValueOrDefault(c) + 1;
        }
        double entropy = 0;
        foreach (var n in counts) if (n > 0) entropy -= Term(n, value.Length);
        foreach (var n in other.Values) entropy -= Term(n, value.Length);
        return entropy;

        static double Term(int n, int length)
        {
            var p = (double)n / length;
            return p * Math.Log2(p);
        }
    }

    /// <summary>
    /// Looks like a name rather than a secret: a dotted path (settings.SECRET), snake or kebab words (access_token),
    /// camelCase words, a file path, a URL without credentials, a number.
    /// </summary>
    public static bool LooksLikeIdentifierOrPath(string value)
    {
        var v = value.Trim();
        if (v.Length == 0) return true;
        if ((v.StartsWith('/') && !IsBase64Blob(v)) || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("../", StringComparison.Ordinal)
            || v.StartsWith("~/", StringComparison.Ordinal) || (v.Contains('\\') && IsBackslashPath(v)))
            return true;
        if (v.Contains("://", StringComparison.Ordinal) || v.StartsWith('#')) return true;
        return IdentifierLike().IsMatch(v) || FileName().IsMatch(v) || Number().IsMatch(v);
    }

    /// <summary>A long base64 value (an Azure key may start with '/'): no path has a 16-character segment of only base64 letters.</summary>
    private static bool IsBase64Blob(string v) => Base64Blob().IsMatch(v) && v.Split('/').Any(segment => segment.TrimEnd('=').Length >= 16);

    [GeneratedRegex(@"^[A-Za-z0-9+/]{40,}={0,2}$")]
    private static partial Regex Base64Blob();

    /// <summary>
    /// A Windows path (C:\certs, \\server\share, .\keys, %APPDATA%\app, Keys\server.pfx): it starts like one, or every
    /// segment is a word or a file name. A random token with a backslash in it (eyzEMo...\GY6.Ko\DnyZE06Y0Gu) is not.
    /// </summary>
    private static bool IsBackslashPath(string v)
    {
        if (WindowsPathStart().IsMatch(v)) return true;
        foreach (var segment in v.Split('\\'))
        {
            if (segment.Length > 0 && !PathSegment().IsMatch(segment)) return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]:\\|\\\\|\.\.?\\|~\\|%[A-Za-z_]\w*%\\)")]
    private static partial Regex WindowsPathStart();

    // Letter words (Program Files, System32, my-app) or a file name (server.pfx).
    [GeneratedRegex(@"^[A-Za-z]+(?:[ ._-][A-Za-z]+)*[0-9]*(?:\.[A-Za-z0-9]{1,5})?$")]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"^(.)\1{2,}$")]
    private static partial Regex RepeatedCharacter();

    [GeneratedRegex(@"(?i)(replace[_-]?me|change[_-]?me|change[_-]?(?:this|it)|change[_-]?(?:in|for|before)[_-]?prod|_here$|-here$|^your[_-]|^<[^>]+>$|^todo|^tbd$|^x{4,}$|fixme|^placeholder|not[_-]?set$)")]
    private static partial Regex ExplicitPlaceholder();

    [GeneratedRegex(@"^(?:(?i)process\.env|os\.environ|os\.getenv|getenv\(|env\(|env\.|ENV\[|Environment\.|System\.getenv|secrets\.|vars\.|var\.|local\.|data\.|module\.|aws_|arn:aws[\w-]*:|vault:|ssm:|!Ref|!Sub|!GetAtt|\{\{|resolve:|@Microsoft\.KeyVault|keyvault:|sm://|projects/[^/]+/secrets/)")]
    private static partial Regex ReferencePrefix();

    // Words made only of letters, optionally joined by _ . : - (Marker, NextToken, AWSSecretKey, access_token, auth.header).
    // A bare prefix with no body (CFPAT-, sk_live_) is an identifier too.
    [GeneratedRegex(@"^[A-Za-z]+(?:[_.:-][A-Za-z]+)*[_-]?$")]
    private static partial Regex IdentifierLike();

    [GeneratedRegex(@"^[\w-]+\.(?:pem|key|crt|cer|p12|pfx|json|txt|ya?ml|env|ini|cfg|conf|properties|xml|jks|keystore|der|pub)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^[+-]?\d+(?:\.\d+)?$")]
    private static partial Regex Number();
}
