using PostureStream.Devices.Sources;

namespace PostureStream.Devices.WitMotion;

/// <summary>What <see cref="WitMotionSourceUri.Parse"/> read from a WitMotion source URI.</summary>
public sealed record WitMotionSourceSpec(string Uri, WitMotionFraming Framing, string Target)
{
    /// <summary>True for <c>file:</c> (a timed capture); false for a live serial or BLE sensor.</summary>
    public bool IsCapture { get; init; }

    /// <summary><c>baud=</c> (serial); null = detect (115200, then 9600).</summary>
    public int? BaudRate { get; init; }

    /// <summary><c>rate=</c>: the output rate to set (unlock, rate, save) after each connect; null = leave it.</summary>
    public double? RateHertz { get; init; }

    /// <summary><c>quaternion=on</c>: also ask for quaternion packets (return content: acceleration, angular velocity, angle, quaternion).</summary>
    public bool Quaternion { get; init; }

    /// <summary><c>adapter=</c> (BLE).</summary>
    public string? Adapter { get; init; }

    public string? Name { get; init; }

    /// <summary><c>record=FILE</c>: a timed capture of everything received.</summary>
    public string? RecordPath { get; init; }

    /// <summary><c>speed=</c> of a capture replay; default max.</summary>
    public ReplaySpeed Speed { get; init; } = ReplaySpeed.Max;
}
