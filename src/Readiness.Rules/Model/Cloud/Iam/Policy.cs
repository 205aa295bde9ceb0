namespace Readiness.Rules.Model.Cloud;

// The one policy model: IAM identity and trust policies, KMS key policies, S3 bucket policies and ECR repository
// policies are all read into PolicyDocument, and Lambda permissions carry the same conditions, so "who may call" is
// decided by one definition (PolicyCondition.NarrowsCaller).

/// <summary>A policy document, reduced to what the controls judge.</summary>
public sealed record PolicyDocument
{
    public IReadOnlyList<PolicyStatement> Statements { get; init; } = [];
}

public sealed record PolicyStatement
{
    public string? Sid { get; init; }
    public string Effect { get; init; } = "Allow";
    public IReadOnlyList<string> Actions { get; init; } = [];
    public IReadOnlyList<string> NotActions { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>Who the statement applies to (trust and resource policies); empty for identity policies.</summary>
    public IReadOnlyList<PolicyPrincipal> Principals { get; init; } = [];

    /// <summary>NotPrincipal: the statement applies to everyone but these.</summary>
    public IReadOnlyList<PolicyPrincipal> NotPrincipals { get; init; } = [];

    /// <summary>True when the statement has a Condition, whether or not its entries are known.</summary>
    public bool HasCondition { get; init; }

    /// <summary>The condition entries whose operator, key and values are all known.</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>False when some condition entry is an unresolved expression (a Terraform variable, an unknown parameter).</summary>
    public bool ConditionsKnown { get; init; } = true;

    public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An Allow whose principal is anyone: "*", {"AWS": "*"}, or a NotPrincipal (an Allow to everyone but a few is an
    /// Allow to everyone).
    /// </summary>
    public bool AllowsAnyone => IsAllow && (Principals.Any(p => p.IsAnyone) || NotPrincipals.Count > 0);

    /// <summary>A statement to every principal with no exception ("*" and no NotPrincipal), as a Deny that protects the resource must be.</summary>
    public bool AppliesToEveryone => Principals.Any(p => p.IsAnyone) && NotPrincipals.Count == 0;

    /// <summary>A known condition narrows who the statement applies to (see <see cref="PolicyCondition.NarrowsCaller"/>).</summary>
    public bool NarrowsPrincipal => Conditions.Any(c => c.NarrowsCaller);

    /// <summary>
    /// True when the statement lets anyone in the world act with no condition that narrows the caller; false when it
    /// does not; null when that depends on a value not known before apply (a principal or condition set by a variable).
    /// </summary>
    public bool? OpenToAnyone
    {
        get
        {
            if (!IsAllow || NarrowsPrincipal) return false;
            if (AllowsAnyone) return ConditionsKnown ? true : null;
            return Principals.Any(p => !p.IsKnown) ? null : false;
        }
    }

    /// <summary>When <see cref="OpenToAnyone"/> is null: the expression it depends on (the principal's, or "Condition").</summary>
    public string? Unresolved => Principals.FirstOrDefault(p => !p.IsKnown)?.Id ?? (ConditionsKnown ? null : "Condition");

    /// <summary>Who an open statement lets in, for messages.</summary>
    public string AnyoneText => Principals.Any(p => p.IsAnyone) ? "any AWS principal (\"*\")" : "every principal but those in its NotPrincipal";

    /// <summary>The statement's actions cover <paramref name="action"/> (Action matches it, or NotAction does not).</summary>
    public bool Covers(string action) =>
        Actions.Any(p => ActionMatches(p, action)) || (NotActions.Count > 0 && !NotActions.Any(p => ActionMatches(p, action)));

    /// <summary>IAM action matching: case-insensitive, '*' any run of characters, '?' one character.</summary>
    public static bool ActionMatches(string pattern, string action)
    {
        int p = 0, a = 0, star = -1, mark = 0;
        while (a < action.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(action[a]))) { p++; a++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = a; }
            else if (star >= 0) { p = star + 1; a = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}

/// <summary>
/// One principal of a statement: Type is "*" (Principal: "*"), "AWS", "Service", "Federated" or "CanonicalUser".
/// IsKnown is false when a variable sets it (it could be "*"); a reference to a declared role or user names one principal.
/// </summary>
public sealed record PolicyPrincipal(string Type, string Id)
{
    public bool IsKnown { get; init; } = true;

    public bool IsAnyone => IsKnown && Id == "*" && Type is "*" or "AWS";
}

/// <summary>One condition entry: {"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:org/app:*"]}}.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    /// <summary>
    /// Condition keys that say who the caller is: its account, organization, ARN or unique id, the resource or account a
    /// service calls on behalf of, or the network it calls from. Keys that do not (aws:SecureTransport,
    /// aws:MultiFactorAuthPresent, aws:Referer, aws:username, sts:ExternalId, kms:ViaService, request tags) leave
    /// "Principal *" open to anyone who meets them.
    /// </summary>
    public static readonly IReadOnlyList<string> CallerKeys =
    [
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:userid",
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner", "aws:SourceOrgID", "aws:SourceOrgPaths",
        "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "kms:CallerAccount",
    ];

    /// <summary>
    /// The one definition of a condition that narrows a principal of "*": a caller key (<see cref="CallerKeys"/>) tested
    /// with a positive operator that fails when the key is absent (StringEquals/Like, ArnEquals/Like, IpAddress, with
    /// ForAnyValue:), against values that do not match everyone (not "*", not an ARN of any account, not 0.0.0.0/0).
    /// Negated operators (StringNotEquals, NotIpAddress), ...IfExists, ForAllValues: and Null pass a request that lacks
    /// the key, so they narrow nothing.
    /// </summary>
    public bool NarrowsCaller
    {
        get
        {
            if (!CallerKeys.Contains(Key, StringComparer.OrdinalIgnoreCase) || Values.Count == 0) return false;
            var op = Operator.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase) ? Operator["ForAnyValue:".Length..] : Operator;
            var matching = op.ToLowerInvariant() switch
            {
                "stringequals" or "stringequalsignorecase" => true,
                // ArnEquals takes wildcards as ArnLike does.
                "stringlike" or "arnlike" or "arnequals" => !Values.Any(MatchesAnything),
                "ipaddress" => !Values.Any(v => v.Trim().EndsWith("/0", StringComparison.Ordinal)),
                _ => false,
            };
            return matching;
        }
    }

    /// <summary>
    /// A pattern that matches every caller: only wildcards ("*"), or an ARN whose account is a wildcard
    /// ("arn:aws:execute-api:*:*:*", "arn:aws:iam::*:role/x": a resource of any account), or, for ARNs without an
    /// account (S3), whose resource starts with one ("arn:aws:s3:::*").
    /// </summary>
    private static bool MatchesAnything(string pattern)
    {
        static bool Wild(string part) => part.Length > 0 && part.All(c => c is '*' or '?');
        if (Wild(pattern)) return true;
        var parts = pattern.Split(':', 6);
        if (parts[0] != "arn") return false;
        if (parts.Length < 6) return pattern.EndsWith('*');
        var account = parts[4];
        return account.Contains('*') || account.Contains('?') || (account.Length == 0 && (parts[5].StartsWith('*') || parts[5].StartsWith('?')));
    }
}
