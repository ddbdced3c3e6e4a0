using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Sqlite;

/// <summary>
/// The byte form of a <see cref="SqliteRow"/> in the disk queue: the measurement's index in
/// <see cref="StorageSchema.All"/> (u8, with bit 7 set when the added tags follow), the time (i64 ns), each
/// original tag (u16 length + UTF-8), the added tags (<c>segment</c>) likewise when bit 7 is set, then each
/// field as a kind byte (0 absent, 1 float, 2 integer, 3 text) and its value (8 bytes little-endian,
/// or u16 length + UTF-8). A row without a segment is encoded exactly as before the segment existed, so a disk
/// queue left by an older version reads the same. Encoding writes into a caller's buffer and allocates nothing.
/// </summary>
internal static class SqliteRowCodec
{
    private const byte Absent = 0;
    private const byte Float = 1;
    private const byte Integer = 2;
    private const byte Text = 3;

    /// <summary>Bit of the measurement byte: the added tags follow the original ones.</summary>
    private const byte WithAddedTags = 0x80;

    /// <summary>An upper bound of the encoded size, to reserve before <see cref="Encode"/>.</summary>
    public static int MaxSize(in SqliteRow row)
    {
        int size = 1 + 8;
        foreach (string tag in row.Tags)
        {
            size += 2 + Encoding.UTF8.GetMaxByteCount(tag.Length);
        }

        foreach (object? field in row.Fields)
        {
            size += 1 + (field is string text ? 2 + Encoding.UTF8.GetMaxByteCount(text.Length) : 8);
        }

        return size;
    }

    /// <summary>Appends the row; returns the bytes written.</summary>
    public static int Encode(in SqliteRow row, IBufferWriter<byte> output)
    {
        Span<byte> span = output.GetSpan(MaxSize(in row));
        int at = 0;
        var measurement = row.Measurement;
        bool added = HasAddedTags(in row);
        span[at++] = (byte)(IndexOf(measurement) | (added ? WithAddedTags : 0));
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], row.UnixNanoseconds);
        at += 8;
        for (int i = 0; i < measurement.TagKeys.Count; i++)
        {
            if (!IsAdded(measurement, i))
            {
                at += WriteText(row.Tags[i], span[at..]);
            }
        }

        for (int i = 0; added && i < measurement.TagKeys.Count; i++)
        {
            if (IsAdded(measurement, i))
            {
                at += WriteText(row.Tags[i], span[at..]);
            }
        }

        foreach (object? field in row.Fields)
        {
            switch (field)
            {
                case null:
                    span[at++] = Absent;
                    break;
                case double value:
                    span[at++] = Float;
                    BinaryPrimitives.WriteDoubleLittleEndian(span[at..], value);
                    at += 8;
                    break;
                case long value:
                    span[at++] = Integer;
                    BinaryPrimitives.WriteInt64LittleEndian(span[at..], value);
                    at += 8;
                    break;
                case string value:
                    span[at++] = Text;
                    at += WriteText(value, span[at..]);
                    break;
                default:
                    throw new ArgumentException($"field of type {field.GetType().Name} has no stored form", nameof(row));
            }
        }

        output.Advance(at);
        return at;
    }

    /// <summary>Reads every row of one disk-queue payload into <paramref name="rows"/>.</summary>
    /// <exception cref="InvalidDataException">The payload does not hold whole rows of the schema.</exception>
    public static void DecodeAll(ReadOnlySpan<byte> payload, List<SqliteRow> rows)
    {
        while (!payload.IsEmpty)
        {
            rows.Add(Decode(ref payload));
        }
    }

    private static SqliteRow Decode(ref ReadOnlySpan<byte> input)
    {
        try
        {
            var measurement = StorageSchema.All[input[0] & ~WithAddedTags];
            bool added = (input[0] & WithAddedTags) != 0;
            long time = BinaryPrimitives.ReadInt64LittleEndian(input[1..]);
            input = input[9..];
            var tags = new string[measurement.TagKeys.Count];
            for (int i = 0; i < tags.Length; i++)
            {
                tags[i] = IsAdded(measurement, i) ? string.Empty : ReadText(ref input);
            }

            for (int i = 0; added && i < tags.Length; i++)
            {
                if (IsAdded(measurement, i))
                {
                    tags[i] = ReadText(ref input);
                }
            }

            var fields = new object?[measurement.Fields.Count];
            for (int i = 0; i < fields.Length; i++)
            {
                byte kind = input[0];
                input = input[1..];
                fields[i] = kind switch
                {
                    Absent => null,
                    Float => ReadDouble(ref input),
                    Integer => ReadInt64(ref input),
                    Text => ReadText(ref input),
                    _ => throw new InvalidDataException($"unknown field kind {kind} in the disk queue"),
                };
            }

            return new SqliteRow(measurement, time, tags, fields);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException("a disk-queue record ends inside a row", e);
        }
    }

    private static bool HasAddedTags(in SqliteRow row)
    {
        for (int i = 0; i < row.Tags.Length; i++)
        {
            if (row.Tags[i].Length > 0 && IsAdded(row.Measurement, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAdded(MeasurementDefinition measurement, int tagIndex) =>
        measurement.AddedTagKeys.Count > 0 && measurement.AddedTagKeys.Contains(measurement.TagKeys[tagIndex]);

    private static int IndexOf(MeasurementDefinition measurement)
    {
        var all = StorageSchema.All;
        for (int i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], measurement))
            {
                return i;
            }
        }

        throw new ArgumentException($"{measurement.Name} is not a measurement of the schema", nameof(measurement));
    }

    private static int WriteText(string text, Span<byte> output)
    {
        int length = Encoding.UTF8.GetBytes(text, output[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(output, checked((ushort)length));
        return 2 + length;
    }

    private static string ReadText(ref ReadOnlySpan<byte> input)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(input);
        string text = Encoding.UTF8.GetString(input.Slice(2, length));
        input = input[(2 + length)..];
        return text;
    }

    private static double ReadDouble(ref ReadOnlySpan<byte> input)
    {
        double value = BinaryPrimitives.ReadDoubleLittleEndian(input);
        input = input[8..];
        return value;
    }

    private static long ReadInt64(ref ReadOnlySpan<byte> input)
    {
        long value = BinaryPrimitives.ReadInt64LittleEndian(input);
        input = input[8..];
        return value;
    }
}
