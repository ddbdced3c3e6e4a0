using PostureStream.Dashboard.Live;
using PostureStream.Protocol;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>What every device pipeline of one <c>run</c> shares: rules, outputs and the buzz settings.</summary>
internal sealed record RunContext
{
    public required DetectionOptions Detection { get; init; }

    public required CalibrationOptions Calibration { get; init; }

    public required ICalibrationStore CalibrationStore { get; init; }

    public required CompositePointStore Stores { get; init; }

    /// <summary>How this source's points wait for a store that is behind (set per source; default: spill, as a live source).</summary>
    public StorePacing StorePacing { get; init; } = StorePacing.Spill;

    public AlertOutput? Alerts { get; init; }

    public required RunReporter Reporter { get; init; }

    /// <summary>The dashboard's live feed, or null without a dashboard.</summary>
    public LiveFeedHub? Live { get; init; }

    public required BuzzSettings Buzz { get; init; }

    /// <summary>Records the device's "session done" button (EVENT code 5); null when the run has no store to read programmes from.</summary>
    public SessionButton? SessionButton { get; init; }

    /// <summary>True for a <c>file:</c> source: its end prints a summary of the link quality (frames ok, corrupt, lost).</summary>
    public bool SummarizeLink { get; init; }

    /// <summary>The UTC of tick 0 for <c>file:</c> and <c>sim:</c> sources without <c>start=</c>: when the command started.</summary>
    public required DateTimeOffset CommandStart { get; init; }
}

/// <summary>How the device buzzes for a raised alert or a reminder (firmware-protocol/SPEC.md BUZZ).</summary>
public sealed class BuzzSettings
{
    /// <summary>False for <c>--no-buzz</c>: alerts are recorded, the device never buzzes. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Default double.</summary>
    public BuzzPattern Pattern { get; set; } = BuzzPattern.Double;

    /// <summary>Default 400 ms.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>0–100 %. Default 80.</summary>
    public byte Intensity { get; set; } = 80;

    public void Validate()
    {
        if (!Enum.IsDefined(Pattern))
        {
            throw new ArgumentException($"Buzz:Pattern '{Pattern}' is not a pattern; use Short, Double or Long");
        }

        if (Duration <= TimeSpan.Zero || Duration.TotalMilliseconds > ushort.MaxValue)
        {
            throw new ArgumentException($"Buzz:Duration '{Duration}' is out of range; use 1 ms to 65.535 s");
        }

        if (Intensity > 100)
        {
            throw new ArgumentException($"Buzz:Intensity {Intensity} is out of range; use 0 to 100");
        }
    }
}
