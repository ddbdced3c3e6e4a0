using PostureStream.Cli.Run;
using PostureStream.Signals;
using PostureStream.Signals.Pipeline;
using PostureStream.Storage.Points;
using PostureStream.Vocabulary;

namespace PostureStream.Cli.Tests;

public sealed class StorageMappingTests
{
    private static readonly DeviceSeries Series = new(new DeviceIdentity(0x42, "desk"));
    private static readonly DateTime At = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Status_FromThePspFields_IsADeviceStatusPointWithTheFaultFlags()
    {
        DeviceStatusRecord? record = StorageMapping.Status(new DeviceStatus(3900, null, 25.5, Charging: true, SensorFaults.Pelvis), At, Series);

        Assert.Equal(new DeviceStatusRecord(Series, At, 3900, null, 25.5, true, LumbarFault: false, PelvisFault: true), record);
    }

    [Fact]
    public void Status_WithoutABatteryVoltage_IsNotStored()
    {
        // battery_mv is an integer field of every device_status point: a sensor that cannot tell gets no point, not a 0.
        Assert.Null(StorageMapping.Status(new DeviceStatus(null, 80, null, Charging: false, SensorFaults.None), At, Series));
    }
}
