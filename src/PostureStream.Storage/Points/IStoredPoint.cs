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

    /// <summary>Appends the point as one line; false when it had no finite field and was dropped.</summary>
    bool WriteTo(LineProtocolWriter writer);
}
