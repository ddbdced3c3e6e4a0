namespace PostureStream.Devices.Ble;

public enum BleLinkState
{
    Connecting,
    Connected,
    Disconnected,
    Closed,
}

/// <summary>A change of a <see cref="BleLink"/>'s state; <see cref="Detail"/> says why.</summary>
public readonly record struct BleLinkStatus(BleLinkState State, string? Detail);
