namespace PostureStream.Simulation.Device;

/// <summary>How a <see cref="VirtualDevice"/> behaves on its link.</summary>
public sealed record VirtualDeviceOptions
{
    /// <summary>Pacing of the scenario. Default real time.</summary>
    public SimulationSpeed Speed { get; init; } = SimulationSpeed.RealTime;

    /// <summary>
    /// Send HELLO and start streaming at <see cref="VirtualDevice.PowerOn"/> without waiting for START.
    /// Default false: like the firmware, the device waits for the host's START.
    /// </summary>
    public bool StreamOnPowerUp { get; init; }

    /// <summary>At <see cref="SimulationSpeed.Max"/>, frames sent per scheduler step before yielding to commands. Default 64.</summary>
    public int MaxFramesPerStep { get; init; } = 64;

    public VirtualDeviceOptions Validate() =>
        MaxFramesPerStep is < 1 or > 100_000
            ? throw new ArgumentOutOfRangeException(nameof(MaxFramesPerStep), MaxFramesPerStep, "must be 1–100000")
            : this;
}
