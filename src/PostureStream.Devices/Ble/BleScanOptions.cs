namespace PostureStream.Devices.Ble;

/// <summary>How <see cref="BleScanner"/> lists nearby NUS devices.</summary>
public sealed class BleScanOptions
{
    /// <summary>How long to listen for advertisements. Default 5 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The adapter, e.g. "hci1". Default: null, the first powered adapter.</summary>
    public string? Adapter { get; init; }

    /// <summary>The bus BlueZ is on. Default: null, the system bus.</summary>
    public string? BusAddress { get; init; }

    /// <summary>Clock for the scan window. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
