using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PostureStream.Signals.Detection;

/// <summary>
/// Writes alerts as JSON Lines exactly as the alerts file is specified (README, using it; Detection README), one object per line ending in <c>\n</c>:
/// <c>{"time":…,"device":…,"deviceId":…,"kind":…,"phase":…,"episodeStart":…,"durationSeconds":…,"peakDeltaDegrees":…,"activity":…}</c>.
/// Times are UTC <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>; numbers use the invariant shortest round-trip form,
/// durationSeconds to the microsecond and peakDeltaDegrees rounded to 0.001°; the same alerts always
/// give the same bytes.
/// </summary>
public sealed class AlertJsonLinesWriter : IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;

    public AlertJsonLinesWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(stream, WriterOptions);
    }

    /// <summary>Appends one line.</summary>
    public void Write(in AlertEvent alert)
    {
        _json.Reset();
        WriteObject(_json, in alert);
        _json.Flush();
        _stream.WriteByte((byte)'\n');
    }

    public void Flush() => _stream.Flush();

    /// <summary>One alert as its line, without the newline.</summary>
    public static string Format(in AlertEvent alert)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteObject(json, in alert);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public void Dispose()
    {
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private static void WriteObject(Utf8JsonWriter json, in AlertEvent alert)
    {
        json.WriteStartObject();
        json.WriteString("time", Time(alert.Utc));
        json.WriteString("device", alert.Device.Name);
        json.WriteString("deviceId", alert.Device.IdHex);
        json.WriteString("kind", VocabularyText.ToText(alert.Kind));
        json.WriteString("phase", VocabularyText.ToText(alert.Phase));
        json.WriteString("episodeStart", Time(alert.EpisodeStartUtc));
        json.WriteNumber("durationSeconds", Math.Round(alert.DurationSeconds, 6));
        json.WriteNumber("peakDeltaDegrees", Math.Round(alert.PeakDeltaDegrees, 3) + 0.0);
        json.WriteString("activity", VocabularyText.ToText(alert.Activity));
        json.WriteEndObject();
    }

    private static string Time(DateTime utc) => utc.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
