using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

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

    public MeasurementDefinition Measurement => StorageSchema.DeviceStatus;

    public string? SeriesTag => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        visitor.Integer(BatteryMillivolts);
        if (BatteryPercent is int percent)
        {
            visitor.Integer(percent);
        }
        else
        {
            visitor.Absent();
        }

        visitor.Float(TemperatureCelsius);
        visitor.Boolean(Charging);
        visitor.Boolean(LumbarFault);
        visitor.Boolean(PelvisFault);
    }
}
