using System.Text;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;

namespace PostureStream.Storage.Tests;

/// <summary>The typed writers produce exactly the measurements, tags, fields and types of the schema.</summary>
public sealed class SchemaConformanceTests
{
    [Fact]
    public void EveryTypedWriter_WritesExactlyTheSchemaFieldsWithTheirTypes()
    {
        var seen = new HashSet<string>();
        foreach (var point in SamplePoints.OneOfEach(new DeviceSeries("dev", 7), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), withProgramme: true))
        {
            using var buffer = new LineProtocolBuffer();
            var writer = new LineProtocolWriter(buffer, TimestampPrecision.Nanoseconds);
            Assert.True(point.WriteTo(writer));
            var line = SimpleLineParser.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\n'));
            var definition = StorageSchema.Find(line.Measurement);
            Assert.NotNull(definition);
            seen.Add(definition.Name);
            // A PSP device's points have no segment tag: the tags of the first release, as before.
            Assert.Equal(definition.OriginalTagKeys, line.Tags.Keys);
            Assert.Equal(definition.Fields.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal), line.Fields.Keys.OrderBy(n => n, StringComparer.Ordinal));
            foreach (var field in definition.Fields)
            {
                Assert.Equal(field.Type, SimpleLineParser.TypeOf(line.Fields[field.Name]));
            }
        }

        Assert.Equal(StorageSchema.All.Select(m => m.Name).Order(), seen.Order());
    }

    [Fact]
    public void SegmentedPoints_WriteEveryTagOfTheSchema_InOrdinalOrder()
    {
        var device = new DeviceSeries("W", 9);
        var time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        IStoredPoint[] points =
        [
            new LinkStatsRecord(device, time, Vocabulary.Transport.Ble, 1, 2, 3, 4, 5, 6, 7, 8, Vocabulary.BodySegment.Pelvis),
            new DeviceStatusRecord(device, time, 3700, 50, 20, false, true, false, Vocabulary.BodySegment.Lumbar),
        ];
        foreach (var point in points)
        {
            using var buffer = new LineProtocolBuffer();
            Assert.True(point.WriteTo(new LineProtocolWriter(buffer, TimestampPrecision.Nanoseconds)));
            var line = SimpleLineParser.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\n'));
            var definition = StorageSchema.Find(line.Measurement)!;
            Assert.Equal(definition.TagKeys, line.Tags.Keys);
            Assert.Equal(definition.TagKeys.Order(StringComparer.Ordinal), definition.TagKeys);
            Assert.Equal([StorageSchema.SegmentTag], definition.AddedTagKeys);
        }
    }
}
