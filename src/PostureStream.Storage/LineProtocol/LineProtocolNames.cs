using System.Runtime.CompilerServices;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.LineProtocol;

/// <summary>
/// The escaped line-protocol bytes of a measurement's names, computed once from
/// <see cref="StorageSchema"/>: its name, <c>,TAG=</c> of its third tag and of <c>segment</c>, and <c>FIELD=</c> of each field.
/// </summary>
internal sealed class LineProtocolNames
{
    private static readonly ConditionalWeakTable<MeasurementDefinition, LineProtocolNames> Cache = new();

    private LineProtocolNames(MeasurementDefinition measurement)
    {
        Measurement = Escape(measurement.Name, LineProtocolEscaper.WriteMeasurement);
        string? third = measurement.TagKeys.FirstOrDefault(t => t is not (StorageSchema.DeviceTag or StorageSchema.DeviceIdTag or StorageSchema.SegmentTag));
        bool segmented = measurement.TagKeys.Contains(StorageSchema.SegmentTag);
        if (segmented && third is not null && string.CompareOrdinal(third, StorageSchema.SegmentTag) < 0)
        {
            throw new InvalidOperationException($"{measurement.Name}: the writer puts segment before {third}, which sorts before it");
        }

        ThirdTag = third is null ? [] : TagPrefix(third);
        SegmentTag = segmented ? TagPrefix(StorageSchema.SegmentTag) : [];
        FieldKeys = [.. measurement.Fields.Select(f => (byte[])[.. Escape(f.Name, LineProtocolEscaper.WriteKeyOrTagValue), (byte)'='])];
    }

    public byte[] Measurement { get; }

    /// <summary><c>,kind=</c> or <c>,transport=</c>; empty when the measurement has only the device tags.</summary>
    public byte[] ThirdTag { get; }

    /// <summary><c>,segment=</c> when the measurement has that tag; empty otherwise.</summary>
    public byte[] SegmentTag { get; }

    /// <summary><c>name=</c> of each field, in schema order.</summary>
    public byte[][] FieldKeys { get; }

    public static LineProtocolNames Of(MeasurementDefinition measurement) => Cache.GetValue(measurement, m => new LineProtocolNames(m));

    private static byte[] TagPrefix(string key) => [(byte)',', .. Escape(key, LineProtocolEscaper.WriteKeyOrTagValue), (byte)'='];

    private static byte[] Escape(string name, EscapeInto escape)
    {
        var buffer = new byte[LineProtocolEscaper.MaxBytes(name.Length)];
        return buffer[..escape(name, buffer)];
    }

    private delegate int EscapeInto(ReadOnlySpan<char> value, Span<byte> destination);
}
