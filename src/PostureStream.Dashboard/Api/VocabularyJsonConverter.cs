using System.Text.Json;
using System.Text.Json.Serialization;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// Writes and reads one enum of the shared vocabulary (activity, state, alert kind/phase, transport) with the stores'
/// own spelling table, so the dashboard's JSON and the stored strings cannot drift apart. One closed type per enum
/// (listed in <see cref="DashboardJsonContext"/>) rather than a factory, so nothing is built by reflection.
/// </summary>
internal sealed class VocabularyJsonConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && VocabularyText.TryParse(reader.GetString(), out T value)
            ? value
            : throw new JsonException($"not a {typeof(T).Name}");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(VocabularyText.ToText(value));
    }
}

/// <summary>The dashboard's own enums as snake_case strings (<c>"uncalibrated"</c>, <c>"calibrated"</c>, <c>"stale"</c>).</summary>
internal sealed class SnakeCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower)
    where T : struct, Enum;
