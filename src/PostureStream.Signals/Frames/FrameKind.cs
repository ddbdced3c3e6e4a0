namespace PostureStream.Signals;

/// <summary>What a <see cref="PostureFrame"/> carries.</summary>
public enum FrameKind : byte
{
    /// <summary>A SAMPLES frame: 1–16 samples.</summary>
    Samples = 0,

    /// <summary>A HELLO (in <see cref="PostureFrame.Message"/>); no samples.</summary>
    Hello = 1,

    /// <summary>A STATUS (in <see cref="PostureFrame.Message"/>); no samples. Its fault flags hold until the next STATUS.</summary>
    Status = 2,

    /// <summary>An EVENT (in <see cref="PostureFrame.Message"/>); no samples; its tick is unwrapped into <see cref="PostureFrame.DeviceMicroseconds"/>.</summary>
    Event = 3,

    /// <summary>
    /// The live link delivered nothing for <see cref="DeviceTimeOptions.SilenceTimeout"/> of wall time: the same as a
    /// gap over 10 s that starts now. No samples; it carries the last sample's device time and UTC stamp.
    /// </summary>
    Silence = 4,
}
