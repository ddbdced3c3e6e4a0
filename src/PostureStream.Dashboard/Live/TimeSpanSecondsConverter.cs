using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostureStream.Dashboard.Live;

/// <summary>Writes a duration as a number of seconds, which is what the page's timers count in.</summary>
public sealed class TimeSpanSecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeSpan.FromSeconds(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round(value.TotalSeconds, 1));
}
