namespace PostureStream.Signals.Pipeline;

/// <summary>Something the wearer or the device did that the chain acts on (PSP EVENT codes 1, 2 and 4).</summary>
public enum DeviceCue
{
    /// <summary>The calibrate button: the next quiet 5 s become the neutral of the posture held (sitting or standing).</summary>
    CalibrateButton,

    /// <summary>The snooze button: buzzes are held back for the snooze time from the cue's device time (alerts are still recorded).</summary>
    SnoozeButton,

    /// <summary>A sensor was re-initialised: it may have moved, so the neutrals go stale.</summary>
    SensorReinitialised,
}
