namespace PostureStream.Storage.Points;

/// <summary>
/// Receives a point's field values in the order <see cref="Schema.StorageSchema"/> lists them
/// (<see cref="IStoredPoint.VisitFields{TVisitor}"/>), so each store maps fields by position from the
/// one schema instead of keeping its own list. A struct visitor called through a generic keeps the
/// hot path free of boxing.
/// </summary>
public interface IFieldVisitor
{
    /// <summary>A float field; a non-finite value means "not written".</summary>
    void Float(double value);

    void Integer(long value);

    /// <summary>A field that is not written for this point (an unknown battery percentage, a wearer link's status without battery).</summary>
    void Absent();

    /// <summary>A string field, as the shared spelling table writes it (UTF-8).</summary>
    void Text(ReadOnlySpan<byte> utf8);

    void Boolean(bool value);
}
