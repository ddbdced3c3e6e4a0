using System.Text.Json;
using PostureStream.Simulation.Device;

namespace PostureStream.Cli.Simulate;

/// <summary>
/// <c>--buzz-log FILE</c>: one JSON line per BUZZ the device acted on, flushed at once so a test can
/// follow it: <c>{"seq":N,"pattern":1|2|3,"durationMs":N,"intensity":N,"deviceUs":N,"tick":N}</c>.
/// </summary>
internal sealed class BuzzLog : IDisposable
{
    private readonly FileStream _file;
    private readonly object _gate = new();

    private BuzzLog(FileStream file) => _file = file;

    public static BuzzLog Create(string path) => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite));

    public void Write(ReceivedBuzz buzz)
    {
        lock (_gate)
        {
            using (var json = new Utf8JsonWriter(_file))
            {
                json.WriteStartObject();
                json.WriteNumber("seq", buzz.Seq);
                json.WriteNumber("pattern", (byte)buzz.Pattern);
                json.WriteNumber("durationMs", buzz.DurationMilliseconds);
                json.WriteNumber("intensity", buzz.Intensity);
                json.WriteNumber("deviceUs", buzz.DeviceMicroseconds);
                json.WriteNumber("tick", buzz.Tick);
                json.WriteEndObject();
            }

            _file.WriteByte((byte)'\n');
            _file.Flush();
        }
    }

    public void Dispose() => _file.Dispose();
}
