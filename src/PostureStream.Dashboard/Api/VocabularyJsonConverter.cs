using System.Text.Json;
using System.Text.Json.Serialization;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Api;

/// <summary>
/// Writes and reads the shared vocabulary (activity, state, alert kind/phase, transport) with the stores' own
/// spelling table, so the dashboard's JSON and the stored strings cannot drift apart.
/// </summary>
internal sealed class VocabularyJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => VocabularyText.Spells(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Spelled<>).MakeGenericType(typeToConvert))!;

    private sealed class Spelled<T> : JsonConverter<T>
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
}
