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
            Assert.Equal(definition.TagKeys, line.Tags.Keys);
            Assert.Equal(definition.Fields.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal), line.Fields.Keys.OrderBy(n => n, StringComparer.Ordinal));
            foreach (var field in definition.Fields)
            {
                Assert.Equal(field.Type, SimpleLineParser.TypeOf(line.Fields[field.Name]));
            }
        }

        Assert.Equal(StorageSchema.All.Select(m => m.Name).Order(), seen.Order());
    }
}
