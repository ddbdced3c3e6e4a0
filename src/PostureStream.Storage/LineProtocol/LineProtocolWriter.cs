using System.Buffers.Text;

namespace PostureStream.Storage.LineProtocol;

/// <summary>
/// Encodes points as InfluxDB line protocol into a <see cref="LineProtocolBuffer"/>, one line per
/// point, each ended by <c>\n</c>. Nothing is allocated per point.
/// <para>
/// Generic use: <see cref="BeginPoint(string)"/>, then tags in ordinal key order, then fields, then
/// <see cref="EndPoint(DateTime)"/>. Non-finite floats are dropped; a point left with no field is
/// rolled back and <see cref="EndPoint(DateTime)"/> returns false. Tags whose value is empty after
/// sanitising are left out. The pipeline uses the typed methods (<c>WritePosture</c> and friends),
/// which write pre-escaped names and per-device tag bytes.
/// </para>
/// Not thread-safe.
/// </summary>
public sealed partial class LineProtocolWriter
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    // Longest formatted value: a double ("-1.7976931348623157E+308") or a long plus the 'i'.
    private const int MaxNumberBytes = 32;

    private readonly LineProtocolBuffer _output;
    private readonly long _divisor;
    private int _pointStart = -1;
    private int _fieldCount;
    private string? _lastTagKey;

    public LineProtocolWriter(LineProtocolBuffer output, TimestampPrecision precision)
    {
        _output = output;
        Precision = precision;
        _divisor = precision switch
        {
            TimestampPrecision.Nanoseconds => 1,
            TimestampPrecision.Microseconds => 1_000,
            TimestampPrecision.Milliseconds => 1_000_000,
            TimestampPrecision.Seconds => 1_000_000_000,
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "not a timestamp precision"),
        };
    }

    public TimestampPrecision Precision { get; }

    public LineProtocolBuffer Output => _output;

    /// <summary>Lines completed since construction or the last <see cref="ResetLineCount"/>.</summary>
    public int LineCount { get; private set; }

    public void ResetLineCount() => LineCount = 0;

    /// <summary>Starts a point; the measurement is escaped and sanitised.</summary>
    public void BeginPoint(string measurement)
    {
        StartPoint();
        var span = _output.GetSpan(LineProtocolEscaper.MaxBytes(measurement.Length));
        int written = LineProtocolEscaper.WriteMeasurement(measurement, span);
        if (written == 0)
        {
            CancelPoint();
            throw new ArgumentException($"measurement '{measurement}' is empty once CR, LF and dangling backslashes are removed", nameof(measurement));
        }

        _output.Advance(written);
    }

    /// <summary>Starts a point whose measurement is already escaped UTF-8.</summary>
    public void BeginPoint(ReadOnlySpan<byte> escapedMeasurement)
    {
        StartPoint();
        _output.Write(escapedMeasurement);
    }

    /// <summary>Adds a tag. Keys must come in ordinal order; an empty value leaves the tag out.</summary>
    public void Tag(string key, string? value)
    {
        RequireTagPosition();
        if (_lastTagKey is not null && string.CompareOrdinal(key, _lastTagKey) <= 0)
        {
            throw new InvalidOperationException($"tag '{key}' comes after '{_lastTagKey}': add tags in ordinal key order, each once");
        }

        _lastTagKey = key;
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        int rollback = _output.Length;
        var span = _output.GetSpan(LineProtocolEscaper.MaxBytes(key.Length + value.Length) + 2);
        span[0] = (byte)',';
        int written = 1;
        int keyLength = LineProtocolEscaper.WriteKeyOrTagValue(key, span[written..]);
        if (keyLength == 0)
        {
            throw new ArgumentException($"tag key '{key}' is empty once sanitised", nameof(key));
        }

        written += keyLength;
        span[written++] = (byte)'=';
        int valueLength = LineProtocolEscaper.WriteKeyOrTagValue(value, span[written..]);
        if (valueLength == 0)
        {
            _output.Truncate(rollback);
            return;
        }

        _output.Advance(written + valueLength);
    }

    /// <summary>Adds tag bytes already escaped, each starting with a comma (e.g. a device's tags).</summary>
    public void RawTags(ReadOnlySpan<byte> escapedTags)
    {
        RequireTagPosition();
        _output.Write(escapedTags);
    }

    /// <summary>A float field; NaN and ±infinity are dropped.</summary>
    public void Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        WriteKey(key);
        WriteDouble(value);
    }

    /// <summary>An integer field (written with the <c>i</c> suffix).</summary>
    public void Field(string key, long value)
    {
        WriteKey(key);
        WriteLong(value);
    }

    public void Field(string key, bool value)
    {
        WriteKey(key);
        _output.Write(value ? "true"u8 : "false"u8);
    }

    /// <summary>A string field; double quotes and backslashes are escaped.</summary>
    public void Field(string key, string value)
    {
        WriteKey(key);
        var span = _output.GetSpan(LineProtocolEscaper.MaxBytes(value.Length) * 2 + 2);
        span[0] = (byte)'"';
        int written = 1 + LineProtocolEscaper.WriteStringFieldContent(value, span[1..]);
        span[written++] = (byte)'"';
        _output.Advance(written);
    }

    /// <summary>Ends the point at <paramref name="timeUtc"/> (its ticks are read as UTC).</summary>
    public bool EndPoint(DateTime timeUtc) => EndPoint((timeUtc.Ticks - UnixEpochTicks) * 100);

    /// <summary>Ends the point at a time in nanoseconds since the Unix epoch, truncated to the precision.</summary>
    public bool EndPoint(long unixNanoseconds)
    {
        if (_pointStart < 0)
        {
            throw new InvalidOperationException("EndPoint without BeginPoint");
        }

        if (_fieldCount == 0)
        {
            CancelPoint();
            return false;
        }

        long time = _divisor == 1 ? unixNanoseconds : Math.DivRem(unixNanoseconds, _divisor, out long rest) - (rest < 0 ? 1 : 0);
        var span = _output.GetSpan(MaxNumberBytes);
        span[0] = (byte)' ';
        Utf8Formatter.TryFormat(time, span[1..], out int length);
        span[length + 1] = (byte)'\n';
        _output.Advance(length + 2);
        _pointStart = -1;
        LineCount++;
        return true;
    }

    /// <summary>Forgets the point being written.</summary>
    public void CancelPoint()
    {
        if (_pointStart >= 0)
        {
            _output.Truncate(_pointStart);
        }

        _pointStart = -1;
    }

    private void StartPoint()
    {
        if (_pointStart >= 0)
        {
            throw new InvalidOperationException("BeginPoint before the previous point ended");
        }

        _pointStart = _output.Length;
        _fieldCount = 0;
        _lastTagKey = null;
    }

    private void RequireTagPosition()
    {
        if (_pointStart < 0 || _fieldCount > 0)
        {
            throw new InvalidOperationException("tags go after BeginPoint and before the first field");
        }
    }

    private void WriteKey(string key)
    {
        if (_pointStart < 0)
        {
            throw new InvalidOperationException("a field needs BeginPoint first");
        }

        var span = _output.GetSpan(LineProtocolEscaper.MaxBytes(key.Length) + 2);
        span[0] = _fieldCount == 0 ? (byte)' ' : (byte)',';
        int length = LineProtocolEscaper.WriteKeyOrTagValue(key, span[1..]);
        if (length == 0)
        {
            throw new ArgumentException($"field key '{key}' is empty once sanitised", nameof(key));
        }

        span[length + 1] = (byte)'=';
        _output.Advance(length + 2);
        _fieldCount++;
    }

    /// <summary>Writes the separator and a pre-escaped key that ends with '='.</summary>
    private void WriteRawKey(ReadOnlySpan<byte> keyWithEquals)
    {
        var span = _output.GetSpan(keyWithEquals.Length + 1 + MaxNumberBytes);
        span[0] = _fieldCount == 0 ? (byte)' ' : (byte)',';
        keyWithEquals.CopyTo(span[1..]);
        _output.Advance(keyWithEquals.Length + 1);
        _fieldCount++;
    }

    private void WriteDouble(double value)
    {
        _output.Advance(FloatFormatter.Write(value, _output.GetSpan(MaxNumberBytes)));
    }

    private void WriteLong(long value)
    {
        var span = _output.GetSpan(MaxNumberBytes);
        Utf8Formatter.TryFormat(value, span, out int length);
        span[length] = (byte)'i';
        _output.Advance(length + 1);
    }

    private void RawField(ReadOnlySpan<byte> keyWithEquals, double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        WriteRawKey(keyWithEquals);
        WriteDouble(value);
    }

    private void RawField(ReadOnlySpan<byte> keyWithEquals, long value)
    {
        WriteRawKey(keyWithEquals);
        WriteLong(value);
    }

    private void RawField(ReadOnlySpan<byte> keyWithEquals, bool value)
    {
        WriteRawKey(keyWithEquals);
        _output.Write(value ? "true"u8 : "false"u8);
    }

    /// <summary>A string field whose value needs no escaping (the schema's enum words).</summary>
    private void RawStringField(ReadOnlySpan<byte> keyWithEquals, ReadOnlySpan<byte> plainValue)
    {
        WriteRawKey(keyWithEquals);
        var span = _output.GetSpan(plainValue.Length + 2);
        span[0] = (byte)'"';
        plainValue.CopyTo(span[1..]);
        span[plainValue.Length + 1] = (byte)'"';
        _output.Advance(plainValue.Length + 2);
    }
}
