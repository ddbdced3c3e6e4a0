using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Points;

/// <summary>A <c>device_status</c> point, one per STATUS frame. A null battery percentage is left out.</summary>
public readonly record struct DeviceStatusRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    int BatteryMillivolts,
    int? BatteryPercent,
    double TemperatureCelsius,
    bool Charging,
    bool LumbarFault,
    bool PelvisFault) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WriteDeviceStatus(in this);
}
