using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Points;

/// <summary>
/// A point of one of the six measurements of the schema. Implemented by readonly record structs, so a
/// generic <c>Write&lt;T&gt;(in T point) where T : struct, IStoredPoint</c> encodes without boxing.
/// </summary>
public interface IStoredPoint
{
    DeviceSeries Device { get; }

    /// <summary>The point's timestamp; its ticks are read as UTC.</summary>
    DateTime TimeUtc { get; }

    /// <summary>The measurement of the schema this point belongs to.</summary>
    Schema.MeasurementDefinition Measurement { get; }

    /// <summary>The value of the measurement's third tag (<c>kind</c>, <c>transport</c>), or null when it has only the device tags.</summary>
    string? SeriesTag { get; }

    /// <summary>
    /// The <c>segment</c> tag: the body segment a wearer's sensor link serves (link_stats, device_status); null for
    /// every other point and for a PSP device, whose points then keep the series they always had.
    /// </summary>
    BodySegment? Segment { get; }

    /// <summary>Hands the field values to <paramref name="visitor"/> in the schema's field order (the one place a record's fields are listed).</summary>
    void VisitFields<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, IFieldVisitor;

    /// <summary>Appends the point as one line; false when it had no finite field and was dropped.</summary>
    bool WriteTo(LineProtocolWriter writer);
}
