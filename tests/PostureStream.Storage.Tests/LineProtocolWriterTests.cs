using System.Text;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests;

public sealed class LineProtocolWriterTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 7, 30, 15, DateTimeKind.Utc);
    private const long T0Ns = 1795332615_000000000;

    private static string Encode(TimestampPrecision precision, Action<LineProtocolWriter> write)
    {
        using var buffer = new LineProtocolBuffer(16);
        var writer = new LineProtocolWriter(buffer, precision);
        write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string One(string measurement, (string Key, string Value)[] tags, Action<LineProtocolWriter> fields, long ns = 1) =>
        Encode(TimestampPrecision.Nanoseconds, w =>
        {
            w.BeginPoint(measurement);
            foreach (var (key, value) in tags)
            {
                w.Tag(key, value);
            }

            fields(w);
            w.EndPoint(ns);
        });

    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("my measurement", @"my\ measurement")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", "a=b")]
    [InlineData("line\r\nbreak", "linebreak")]
    [InlineData(@"trailing\\", "trailing")]
    [InlineData(@"mid\dle", @"mid\dle")]
    [InlineData("üñí", "üñí")]
    public void Measurement_EscapesCommaAndSpaceOnly(string measurement, string expected)
    {
        Assert.Equal($"{expected} f=1 1\n", One(measurement, [], w => w.Field("f", 1.0)));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("with space", @"with\ space")]
    [InlineData("a,b=c", @"a\,b\=c")]
    [InlineData("quote\"d", "quote\"d")]
    [InlineData(@"back\slash", @"back\slash")]
    [InlineData("end\\", "end")]
    [InlineData("end\\\\\\", "end")]
    [InlineData(@"before\ space", @"before\ space")]
    [InlineData(@"before\,comma", @"before\,comma")]
    [InlineData("cr\rlf\n", "crlf")]
    [InlineData("Zürich 東京 😀", @"Zürich\ 東京\ 😀")]
    public void TagValue_IsEscapedAndSanitised(string value, string expected)
    {
        Assert.Equal($"m,t={expected} f=1 1\n", One("m", [("t", value)], w => w.Field("f", 1.0)));
    }

    [Fact]
    public void TagKeyAndFieldKey_EscapeCommaEqualsSpace()
    {
        Assert.Equal("m,a\\ b\\=c\\,d=v f\\ 1\\=\\,=1 1\n", One("m", [("a b=c,d", "v")], w => w.Field("f 1=,", 1.0)));
    }

    [Fact]
    public void Tag_EmptyAfterSanitising_IsLeftOut()
    {
        Assert.Equal("m,b=x f=1 1\n", One("m", [("a", "\r\n\\"), ("b", "x"), ("c", "")], w => w.Field("f", 1.0)));
    }

    [Fact]
    public void Tags_OutOfOrdinalOrder_Throw()
    {
        Assert.Throws<InvalidOperationException>(() => One("m", [("b", "1"), ("B", "2")], w => w.Field("f", 1.0)));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir\", "\"C:\\\\dir\\\\\"")]
    [InlineData("a,b=c d", "\"a,b=c d\"")]
    [InlineData("two\nlines", "\"twolines\"")]
    public void StringField_EscapesQuoteAndBackslash(string value, string expected)
    {
        Assert.Equal($"m s={expected} 1\n", One("m", [], w => w.Field("s", value)));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3.0, "0.3333333333333333")]
    [InlineData(1e21, "1E+21")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void FloatField_IsShortestRoundTrip(double value, string expected)
    {
        string line = One("m", [], w => w.Field("f", value));
        Assert.Equal($"m f={expected} 1\n", line);
        Assert.Equal(value, double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void IntegerAndBoolean_Fields()
    {
        Assert.Equal("m i=-42i,j=9223372036854775807i,t=true,u=false 1\n",
            One("m", [], w => { w.Field("i", -42L); w.Field("j", long.MaxValue); w.Field("t", true); w.Field("u", false); }));
    }

    [Fact]
    public void NonFiniteFields_AreDropped()
    {
        Assert.Equal("m b=2 1\n", One("m", [], w => { w.Field("a", double.NaN); w.Field("b", 2.0); w.Field("c", double.PositiveInfinity); }));
    }

    [Fact]
    public void PointWithOnlyNonFiniteFields_IsDroppedEntirely()
    {
        string text = Encode(TimestampPrecision.Nanoseconds, w =>
        {
            w.BeginPoint("a");
            w.Field("x", 1.0);
            Assert.True(w.EndPoint(1));
            w.BeginPoint("b");
            w.Tag("t", "v");
            w.Field("x", double.NaN);
            w.Field("y", double.NegativeInfinity);
            Assert.False(w.EndPoint(2));
            w.BeginPoint("c");
            w.Field("x", 3.0);
            Assert.True(w.EndPoint(3));
            Assert.Equal(2, w.LineCount);
        });
        Assert.Equal("a x=1 1\nc x=3 3\n", text);
    }

    [Theory]
    [InlineData(TimestampPrecision.Nanoseconds, 1795332615123456700L, "1795332615123456700")]
    [InlineData(TimestampPrecision.Microseconds, 1795332615123456700L, "1795332615123456")]
    [InlineData(TimestampPrecision.Milliseconds, 1795332615123456700L, "1795332615123")]
    [InlineData(TimestampPrecision.Seconds, 1795332615999999999L, "1795332615")]
    [InlineData(TimestampPrecision.Milliseconds, -1L, "-1")]
    public void Timestamp_IsTruncatedToPrecision(TimestampPrecision precision, long ns, string expected)
    {
        Assert.Equal($"m f=1 {expected}\n", Encode(precision, w => { w.BeginPoint("m"); w.Field("f", 1.0); w.EndPoint(ns); }));
    }

    [Fact]
    public void Timestamp_FromDateTime_UsesUnixNanoseconds()
    {
        Assert.Equal($"m f=1 {T0Ns}\n", Encode(TimestampPrecision.Nanoseconds, w => { w.BeginPoint("m"); w.Field("f", 1.0); w.EndPoint(T0); }));
    }

    [Fact]
    public void Lines_AreJoinedWithLfOnly()
    {
        string text = Encode(TimestampPrecision.Seconds, w =>
        {
            for (int i = 0; i < 3; i++)
            {
                w.BeginPoint("m");
                w.Field("f", (long)i);
                w.EndPoint(i * 1_000_000_000L);
            }
        });
        Assert.Equal("m f=0i 0\nm f=1i 1\nm f=2i 2\n", text);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Posture_GoldenLine()
    {
        var device = new DeviceSeries("Anna's belt, v2", 0x00A1B2C3D4E5F607);
        var record = new PostureRecord(device, T0, 1.25, -0.5, 12, 0.01, 3.5, double.NaN, -10.75, Activity.Sitting, PostureState.Flattened);
        string line = Encode(TimestampPrecision.Milliseconds, w => Assert.True(w.WritePosture(record)));
        Assert.Equal(
            "posture,device=Anna's\\ belt\\,\\ v2,device_id=00a1b2c3d4e5f607 lumbar_pitch=1.25,lumbar_roll=-0.5,pelvis_pitch=12,pelvis_roll=0.01," +
            "pelvic_tilt=3.5,lordosis_delta=-10.75,activity=\"sitting\",state=\"flattened\" 1795332615000\n", line);
    }

    [Fact]
    public void Alert_GoldenLine_HasKindTagAfterDeviceId()
    {
        var device = new DeviceSeries("d", 1);
        var record = new PostureAlertRecord(device, T0, AlertKind.Hyperextension, AlertPhase.Raised, T0.AddSeconds(-60), 60, 9.5, Activity.Standing, true);
        string line = Encode(TimestampPrecision.Seconds, w => Assert.True(w.WritePostureAlert(record)));
        Assert.Equal(
            "posture_alert,device=d,device_id=0000000000000001,kind=hyperextension phase=\"raised\",episode_start_us=1795332555000000i," +
            "duration_s=60,peak_delta=9.5,activity=\"standing\",buzzed=true 1795332615\n", line);
    }

    [Fact]
    public void DeviceStatus_UnknownBattery_LeavesFieldOut()
    {
        var record = new DeviceStatusRecord(new DeviceSeries("d", 2), T0, 3700, null, 31.5, true, false, true);
        string line = Encode(TimestampPrecision.Seconds, w => w.WriteDeviceStatus(record));
        Assert.Equal("device_status,device=d,device_id=0000000000000002 battery_mv=3700i,temperature_c=31.5,charging=true,lumbar_fault=false,pelvis_fault=true 1795332615\n", line);
    }

    [Fact]
    public void LinkStats_GoldenLine()
    {
        var record = new LinkStatsRecord(new DeviceSeries("", 3), T0, Transport.Ble, 100, 1600, 1, 2, 3, 4, 5, 6);
        string line = Encode(TimestampPrecision.Seconds, w => w.WriteLinkStats(record));
        Assert.Equal("link_stats,device_id=0000000000000003,transport=ble frames=100i,samples=1600i,crc_errors=1i,cobs_errors=2i,other_errors=3i,lost_frames=4i,resyncs=5i,reconnects=6i 1795332615\n", line);
    }

    /// <summary>A wearer's sensor link: the segment tag sits between device_id and transport (ordinal order); without it the line is the one above.</summary>
    [Theory]
    [InlineData(BodySegment.Lumbar, "link_stats,device=W,device_id=0000000000000003,segment=lumbar,transport=serial frames=100i,samples=1600i,crc_errors=1i,cobs_errors=2i,other_errors=3i,lost_frames=4i,resyncs=5i,reconnects=6i 1795332615\n")]
    [InlineData(BodySegment.Pelvis, "link_stats,device=W,device_id=0000000000000003,segment=pelvis,transport=serial frames=100i,samples=1600i,crc_errors=1i,cobs_errors=2i,other_errors=3i,lost_frames=4i,resyncs=5i,reconnects=6i 1795332615\n")]
    [InlineData(null, "link_stats,device=W,device_id=0000000000000003,transport=serial frames=100i,samples=1600i,crc_errors=1i,cobs_errors=2i,other_errors=3i,lost_frames=4i,resyncs=5i,reconnects=6i 1795332615\n")]
    public void LinkStats_WithAndWithoutSegment_GoldenLines(BodySegment? segment, string expected)
    {
        var record = new LinkStatsRecord(new DeviceSeries("W", 3), T0, Transport.Serial, 100, 1600, 1, 2, 3, 4, 5, 6, segment);
        Assert.Equal(expected, Encode(TimestampPrecision.Seconds, w => w.WriteLinkStats(record)));
    }

    /// <summary>A wearer's link lost or restored: its segment tag and only that segment's fault flag (no battery fields at all).</summary>
    [Theory]
    [InlineData(BodySegment.Lumbar, true, "device_status,device=W,device_id=0000000000000003,segment=lumbar lumbar_fault=true 1795332615\n")]
    [InlineData(BodySegment.Pelvis, false, "device_status,device=W,device_id=0000000000000003,segment=pelvis pelvis_fault=false 1795332615\n")]
    public void DeviceStatus_OfAWearersLink_GoldenLine(BodySegment segment, bool fault, string expected)
    {
        var record = DeviceStatusRecord.LinkFault(new DeviceSeries("W", 3), T0, segment, fault);
        Assert.Equal(expected, Encode(TimestampPrecision.Seconds, w => w.WriteDeviceStatus(record)));
    }
}
