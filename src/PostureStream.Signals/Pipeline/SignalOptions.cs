namespace PostureStream.Signals;

/// <summary>All options of the signal stages of one device; each part documents and validates its defaults.</summary>
public sealed class SignalOptions
{
    public DeviceTimeOptions DeviceTime { get; set; } = new();

    public LowPassOptions LowPass { get; set; } = new();

    public SignalOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(DeviceTime, nameof(DeviceTime));
        ArgumentNullException.ThrowIfNull(LowPass, nameof(LowPass));
        DeviceTime.Validate();
        LowPass.Validate();
        return this;
    }
}
