using PostureStream.Simulation.Imu;

namespace PostureStream.Simulation.Scenarios;

/// <summary>What the simulated device sends (the scenario's device <c>profile</c>, or <c>simulate --profile</c>).</summary>
public enum DeviceOutput
{
    /// <summary><c>psp-angles</c>: SAMPLES with the four angles, fused on the device (as before RAW existed).</summary>
    PspAngles,

    /// <summary><c>psp-raw</c>: RAW with each IMU's accelerometer and gyroscope readings; the host does the fusion.</summary>
    PspRaw,
}

/// <summary>The spellings of <see cref="DeviceOutput"/> in scenario files and on the command line.</summary>
public static class DeviceOutputs
{
    public const string AnglesName = "psp-angles";
    public const string RawName = "psp-raw";

    public static string Name(DeviceOutput output) => output switch
    {
        DeviceOutput.PspAngles => AnglesName,
        DeviceOutput.PspRaw => RawName,
    };

    public static bool TryParse(string? text, out DeviceOutput output)
    {
        output = text switch
        {
            AnglesName => DeviceOutput.PspAngles,
            RawName => DeviceOutput.PspRaw,
            _ => (DeviceOutput)(-1),
        };
        return Enum.IsDefined(output);
    }

    /// <summary>The IMU model names a <c>psp-raw</c> device may use.</summary>
    public static string ImuNames => string.Join(", ", ImuModel.All.Select(m => m.Name));
}
