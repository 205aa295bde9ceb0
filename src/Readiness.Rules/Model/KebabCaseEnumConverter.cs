using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readiness.Rules.Model;

/// <summary>
/// An enum as its kebab-case name in JSON ("not-ready", "role-not-assumed"), as results.json has it. Declared on the
/// enums of the results (not in options), so results.json's source-generated writer can run its fast path.
/// </summary>
public sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower)
    where TEnum : struct, Enum;
