using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Points;

/// <summary>
/// A <c>device_status</c> point: one per STATUS frame of a PSP device, or, for a wearer made of two sensors, one per
/// link lost or restored, tagged with its <see cref="Segment"/> and holding only that segment's fault flag. Any null
/// value (and a NaN temperature) is left out of the point.
/// </summary>
public readonly record struct DeviceStatusRecord(
    DeviceSeries Device,
    DateTime TimeUtc,
    int? BatteryMillivolts,
    int? BatteryPercent,
    double TemperatureCelsius,
    bool? Charging,
    bool? LumbarFault,
    bool? PelvisFault,
    BodySegment? Segment = null) : IStoredPoint
{
    public bool WriteTo(LineProtocolWriter writer) => writer.WriteDeviceStatus(in this);

    public MeasurementDefinition Measurement => StorageSchema.DeviceStatus;

    public string? SeriesTag => null;

    public void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor
    {
        Integer(ref visitor, BatteryMillivolts);
        Integer(ref visitor, BatteryPercent);
        visitor.Float(TemperatureCelsius);
        Boolean(ref visitor, Charging);
        Boolean(ref visitor, LumbarFault);
        Boolean(ref visitor, PelvisFault);
    }

    /// <summary>A link-status point of one segment of a wearer: its sensor link is up (no fault) or down (fault).</summary>
    public static DeviceStatusRecord LinkFault(DeviceSeries device, DateTime timeUtc, BodySegment segment, bool fault) => new(
        device,
        timeUtc,
        BatteryMillivolts: null,
        BatteryPercent: null,
        TemperatureCelsius: double.NaN,
        Charging: null,
        LumbarFault: segment == BodySegment.Lumbar ? fault : null,
        PelvisFault: segment == BodySegment.Pelvis ? fault : null,
        segment);

    private static void Integer<TVisitor>(ref TVisitor visitor, int? value)
        where TVisitor : struct, IFieldVisitor
    {
        if (value is int known)
        {
            visitor.Integer(known);
        }
        else
        {
            visitor.Absent();
        }
    }

    private static void Boolean<TVisitor>(ref TVisitor visitor, bool? value)
        where TVisitor : struct, IFieldVisitor
    {
        if (value is bool known)
        {
            visitor.Boolean(known);
        }
        else
        {
            visitor.Absent();
        }
    }
}
