using PostureStream.Protocol;
using PostureStream.Simulation.Physiology;
using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Device;

/// <summary>
/// One frame the device sends (SAMPLES, STATUS or EVENT), in order, with the true time it leaves the
/// device and whether the link loses it. Its seq is given when it is sent.
/// </summary>
internal sealed record DeviceItem(PspMessage Message, double TrueSeconds, bool Dropped)
{
    /// <summary>What the truth needs about a SAMPLES frame's samples; null unless asked for.</summary>
    public FrameTruth? Truth { get; init; }
}

/// <summary>The intended values behind a SAMPLES or RAW frame.</summary>
internal sealed class FrameTruth(int count)
{
    /// <summary>Unwrapped device time of each sample: the start tick plus elapsed ticks, µs.</summary>
    public long[] DeviceMicroseconds { get; } = new long[count];

    public Activity[] Activities { get; } = new Activity[count];

    public int[] Segments { get; } = new int[count];

    public PostureAngles[] Clean { get; } = new PostureAngles[count];

    /// <summary>The angles of the sensors as mounted (the segment's, turned by the mounting rotation); psp-raw only, else the clean angles.</summary>
    public PostureAngles[] Mounted { get; } = new PostureAngles[count];

    /// <summary>The STATUS fault flags in force for the whole frame.</summary>
    public StatusFlags Faults { get; set; }
}
