using System.Globalization;
using PostureStream.Signals;
using PostureStream.Signals.Detection;

namespace PostureStream.Cli.Run;

/// <summary>
/// Plain, one-line-per-event progress of a run: alerts, calibration, link health. Goes to stderr when
/// stdout carries the alerts (<c>--alerts-out -</c>); <c>--quiet</c> keeps only warnings and errors.
/// Warnings and errors always go to <paramref name="problems"/> (stderr), so a redirected stdout never hides them.
/// Lines about one device name it and carry that device's sample clock (<c>at</c>: the time of its latest sample,
/// the clock its alerts carry), so a replayed capture's log reads in order; process-level lines (stores, dashboard,
/// shutdown) and device lines before the first sample carry wall time.
/// </summary>
internal sealed class RunReporter(TextWriter output, TextWriter problems, bool quiet, TimeProvider time)
{
    private readonly Lock _gate = new();

    public void Identified(string name, string idHex, bool fromHello, DateTime? at) =>
        Info($"{name}: device {idHex}{(fromHello ? "" : " (no HELLO within 2 s: defaults 100 Hz, both sensors)")}", at);

    public void Alert(in AlertEvent alert) =>
        Info(string.Create(CultureInfo.InvariantCulture,
            $"{alert.Device.Name}: {VocabularyText.ToText(alert.Kind)} {VocabularyText.ToText(alert.Phase)} after {alert.DurationSeconds:0.0} s, peak {alert.PeakDeltaDegrees:+0.0;-0.0}° ({VocabularyText.ToText(alert.Activity)}){(alert.Buzzed ? ", buzz" : "")}"),
            alert.Utc);

    public void StateChanged(in DetectionStateChange change)
    {
        // State changes are many; only the ones a wearer acts on are shown.
        if (change.State is PostureState.SensorFault && change.PreviousState != change.State)
        {
            Write(problems, $"warning: {change.Device.Name}: sensor fault: detection paused", change.Utc);
        }
    }

    public void Calibration(string name, CalibrationNotice notice, DateTime? at)
    {
        string text = notice.Kind switch
        {
            CalibrationNoticeKind.Loaded => $"{notice.Neutral} neutral loaded",
            CalibrationNoticeKind.Waiting => $"waiting for 5 quiet seconds to take the {notice.Neutral.ToString().ToLowerInvariant()} neutral",
            CalibrationNoticeKind.Taken => $"{notice.Neutral.ToString().ToLowerInvariant()} neutral taken ({notice.Source})",
            CalibrationNoticeKind.Stale => $"calibration is stale ({notice.Stale}): please recalibrate (posturestream calibrate)",
            _ => notice.Kind.ToString(),
        };
        Info($"{name}: {text}", at);
    }

    public void Link(string name, string text, DateTime? at) => Info($"{name}: {text}", at);

    /// <summary>A process-level warning (a store, the dashboard): wall time.</summary>
    public void Warn(string text) => Write(problems, "warning: " + text, null);

    /// <summary>A warning about one device, on its sample clock.</summary>
    public void Warn(string name, string text, DateTime? at) => Write(problems, $"warning: {name}: {text}", at);

    /// <summary>A device's pipeline failed: always shown, named as the command's own errors are.</summary>
    public void Error(string name, string text, DateTime? at) => Write(problems, $"posturestream run: device {name}: {text}", at);

    /// <summary>Progress of long work (a store migrating at open): on stderr, so stdout's alerts stay clean, even with --quiet.</summary>
    public void Progress(string text) => Write(problems, text, null);

    public void Info(string text, DateTime? utc = null)
    {
        if (!quiet)
        {
            Write(output, text, utc);
        }
    }

    private void Write(TextWriter writer, string text, DateTime? utc)
    {
        DateTime stamp = utc ?? time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            writer.WriteLine($"{stamp.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {text}");
            writer.Flush();
        }
    }
}
