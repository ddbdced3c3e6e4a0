using System.Globalization;
using PostureStream.Storage.Points;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Cli.Run;

/// <summary>
/// The device's "session done" button (EVENT code 5) in a run: records a session of the wearer's current programme,
/// <c>arg</c> minutes long (0 = <see cref="ProgrammeBook.DefaultSessionDuration"/>), source <c>device</c>. Reading the
/// programmes is I/O, so it runs off the pipeline's thread; the run waits for what is pending before it closes the stores.
/// </summary>
internal sealed class SessionButton(ProgrammeBook book, RunReporter reporter)
{
    private readonly Lock _gate = new();
    private readonly List<Task> _pending = [];

    public ProgrammeBook Book => book;

    /// <summary>The button was pressed on <paramref name="device"/> at <paramref name="utc"/> (a sample-clock stamp).</summary>
    public void Pressed(DeviceSeries device, byte minutes, DateTime utc, string name, DateTime? clock)
    {
        var task = Task.Run(() => RecordAsync(device, minutes, utc, name, clock));
        lock (_gate)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(task);
        }
    }

    /// <summary>Returns once every press so far is recorded (or reported as not recorded).</summary>
    public Task DrainAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_pending.ToArray());
        }
    }

    private async Task RecordAsync(DeviceSeries device, byte minutes, DateTime utc, string name, DateTime? clock)
    {
        var duration = minutes == 0 ? ProgrammeBook.DefaultSessionDuration : TimeSpan.FromMinutes(minutes);
        try
        {
            var session = await book.RecordForDeviceAsync(device, utc, duration, CancellationToken.None);
            if (session is null)
            {
                reporter.Warn(name, $"session button pressed, but no programme of this device runs on {TrendCalendar.LocalDate(utc, book.Zone):yyyy-MM-dd}: nothing recorded (add one with 'posturestream programme add --device {device.DeviceIdHex} …')", clock);
                return;
            }

            reporter.Link(name, string.Create(CultureInfo.InvariantCulture, $"session of programme {session.ProgrammeId} recorded from the device button ({session.Duration.TotalMinutes:0} min)"), clock);
        }
        catch (Exception e) when (e is ProgrammeException or HttpRequestException or InfluxQueryException or IOException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            reporter.Warn(name, $"session button pressed, but the session could not be recorded: {e.Message}", clock);
        }
    }
}
