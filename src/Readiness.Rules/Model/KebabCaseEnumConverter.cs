using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readiness.Rules.Model;

/// <summary>
/// An enum as its kebab-case name in JSON ("not-ready", "role-not-assumed"), as results.json has it. Declared on the
/// enums of the results (not in options), so results.json's source-generated writer can run its fast path.
/// Reads what <see cref="JsonStringEnumConverter"/> read: the kebab-case name in any case, the member's own name
/// ("NotReady", "Critical"), or a number. Written by hand because the built-in one builds its name tables through
/// reflection and a dozen generic types compiled at start-up, a cost every scan paid when it wrote results.json.
/// </summary>
public sealed class KebabCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = Values.Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => Parse(reader.GetString()!),
        JsonTokenType.Number when reader.TryGetInt32(out var number) && Unsafe.SizeOf<TEnum>() == sizeof(int) => Unsafe.As<int, TEnum>(ref number),
        _ => throw new JsonException($"expected a {typeof(TEnum).Name} name, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (NameOf(value) is { } name) writer.WriteStringValue(name);
        else writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(NameOf(value) ?? value.ToString());

    private static string? NameOf(TEnum value)
    {
        var i = Array.IndexOf(Values, value);
        return i < 0 ? null : Names[i];
    }

    private static TEnum Parse(string text)
    {
        var i = Array.FindIndex(Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (i >= 0) return Values[i];
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)) return value;
        throw new JsonException($"'{text}' is not a {typeof(TEnum).Name}: one of {string.Join(", ", Names)}.");
    }
}
