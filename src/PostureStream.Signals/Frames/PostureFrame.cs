using PostureStream.Protocol;

namespace PostureStream.Signals;

/// <summary>
/// One decoded PSP frame of one device on its way through the signal stages: the samples of a SAMPLES
/// frame (1–16), or a HELLO/STATUS/EVENT passed along for the stages below, or a silence notice.
/// A frame belongs to the pipeline: each stage fills in its part in place and hands it on, so a frame
/// costs one allocation for the whole chain (README, benchmarks). Subscribe once per stage (multicast at the end).
/// The setters are for the stages (and for tests building frames); consumers treat a frame as read-only.
/// </summary>
public sealed class PostureFrame
{
    private static readonly PostureSample[] NoSamples = [];

    private readonly PostureSample[] samples;

    /// <summary>
    /// A frame built by hand (tests, simulations); the stages create their own. The frame keeps
    /// <paramref name="samples"/> without copying it.
    /// </summary>
    public PostureFrame(FrameKind kind, PostureSample[] samples, PspMessage? message = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Kind = kind;
        this.samples = samples;
        Message = message;
    }

    internal PostureFrame(FrameKind kind, PspMessage? message)
        : this(kind, NoSamples, message)
    {
    }

    public FrameKind Kind { get; }

    /// <summary>The HELLO, STATUS or EVENT this frame carries; null for samples and silence.</summary>
    public PspMessage? Message { get; }

    /// <summary>The device id from the last HELLO (0 until one arrives, firmware-protocol/SPEC.md).</summary>
    public ulong DeviceId { get; set; }

    /// <summary>The nominal sample rate from the last HELLO (default 100 Hz).</summary>
    public int SampleRateHz { get; set; }

    /// <summary>The samples, oldest first; empty unless <see cref="Kind"/> is <see cref="FrameKind.Samples"/>.</summary>
    public ReadOnlySpan<PostureSample> Samples => samples;

    internal Span<PostureSample> MutableSamples => samples;

    /// <summary>
    /// Device time of the frame, µs: the last sample's for a SAMPLES frame, the EVENT's own unwrapped tick,
    /// else the last sample seen before it (Signals README, device time).
    /// </summary>
    public long DeviceMicroseconds { get; set; }

    /// <summary>UTC stamp of the frame, µs since the Unix epoch, matching <see cref="DeviceMicroseconds"/>.</summary>
    public long UtcMicroseconds { get; set; }

    /// <summary>The neutrals the angles were computed against; null while uncalibrated.</summary>
    public NeutralSet? Neutrals { get; set; }

    /// <summary>The calibration state at the end of the frame.</summary>
    public CalibrationState Calibration { get; set; }

    /// <summary>The sensors in fault at the end of the frame.</summary>
    public SensorFaults Faults { get; set; }

    public DateTimeOffset Utc => DateTimeOffset.UnixEpoch.AddTicks(UtcMicroseconds * TimeSpan.TicksPerMicrosecond);
}
