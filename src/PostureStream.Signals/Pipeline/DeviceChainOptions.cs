using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Pipeline;

/// <summary>The settings of one <see cref="DeviceChain"/>: signal stages, calibration and detection, each with its documented defaults.</summary>
public sealed class DeviceChainOptions
{
    /// <summary>Device time, UTC stamps, silence and the low-pass. Default: live (arrival) clock, 2 Hz low-pass.</summary>
    public SignalOptions Signals { get; set; } = new();

    /// <summary>Quiet windows, automatic neutrals and the default sitting shift.</summary>
    public CalibrationOptions Calibration { get; set; } = new();

    /// <summary>Activity, episodes, alerts, buzz limits, bends, rollups and decimation.</summary>
    public DetectionOptions Detection { get; set; } = new();

    /// <summary>Throws when a setting is out of range, naming it and what would be valid.</summary>
    public DeviceChainOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Signals, nameof(Signals));
        ArgumentNullException.ThrowIfNull(Calibration, nameof(Calibration));
        ArgumentNullException.ThrowIfNull(Detection, nameof(Detection));
        Signals.Validate();
        Calibration.Validate();
        Detection.Validate();
        return this;
    }
}
