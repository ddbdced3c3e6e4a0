using System.Text;
using PostureStream.Storage.Points;

namespace PostureStream.Storage.LineProtocol;

/// <summary>
/// The typed, allocation-free writers for the six measurements of Storage README, schema: names come
/// pre-escaped from <see cref="LineProtocolNames"/> (made from <see cref="Schema.StorageSchema"/>) and
/// values from the record's <see cref="IStoredPoint.VisitFields{TVisitor}"/>, so no field is listed here.
/// </summary>
public sealed partial class LineProtocolWriter
{
    public bool WritePosture(in PostureRecord r) => WritePoint(in r);

    public bool WritePostureAlert(in PostureAlertRecord r) => WritePoint(in r);

    public bool WritePostureSummary(in PostureSummaryRecord r) => WritePoint(in r);

    public bool WritePostureBend(in PostureBendRecord r) => WritePoint(in r);

    public bool WriteDeviceStatus(in DeviceStatusRecord r) => WritePoint(in r);

    public bool WriteLinkStats(in LinkStatsRecord r) => WritePoint(in r);

    /// <summary>Writes any schema record as one line; false when it had no finite field and was dropped.</summary>
    public bool WritePoint<T>(in T point)
        where T : struct, IStoredPoint
    {
        var names = LineProtocolNames.Of(point.Measurement);
        BeginPoint(names.Measurement);
        RawTags(point.Device.EncodedTags);
        if (point.Segment is { } segment)
        {
            // Before the third tag: "segment" sorts before "transport" (LineProtocolNames checks it).
            RawTags(names.SegmentTag);
            RawTags(VocabularyText.ToUtf8(segment));
        }

        if (point.SeriesTag is { } tag)
        {
            // Tag values here are the vocabulary's plain words: no escaping needed.
            Span<byte> value = stackalloc byte[Encoding.UTF8.GetMaxByteCount(tag.Length)];
            RawTags(names.ThirdTag);
            RawTags(value[..Encoding.UTF8.GetBytes(tag, value)]);
        }

        var fields = new FieldWriter(this, names.FieldKeys);
        point.VisitFields(ref fields);
        return EndPoint(point.TimeUtc);
    }

    /// <summary>Writes each field under its schema name; non-finite floats and absent values are left out.</summary>
    private struct FieldWriter(LineProtocolWriter writer, byte[][] keys) : IFieldVisitor
    {
        private int _index;

        public void Float(double value) => writer.RawField(keys[_index++], value);

        public void Integer(long value) => writer.RawField(keys[_index++], value);

        public void Absent() => _index++;

        public void Text(ReadOnlySpan<byte> utf8) => writer.RawStringField(keys[_index++], utf8);

        public void Boolean(bool value) => writer.RawField(keys[_index++], value);
    }
}
