using System.Text.Json;
using PostureStream.Storage.Influx;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests;

/// <summary>All measurements written to a real influxd and read back exactly, for every precision.</summary>
[Collection(InfluxdCollection.Name)]
public sealed class InfluxdReadbackTests(InfluxdFixture fixture) : IDisposable
{
    private static readonly string[] DeviceNames =
    [
        "Anna's belt",
        "lab,room=3 \"east\"",
        @"C:\devices\belt",
        "Zürich 東京 😀",
        "trailing backslash\\",
        "a=b",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("ns", 1L)]
    [InlineData("us", 1_000L)]
    [InlineData("ms", 1_000_000L)]
    [InlineData("s", 1_000_000_000L)]
    public async Task AllMeasurements_ReadBackExactly_ValuesTypesTagsTimestamps(string precision, long unitNs)
    {
        var server = fixture.Server;
        string database = "readback_" + precision;
        await server.CreateDatabaseAsync(database);
        var expected = new List<ExpectedPoint>();
        var target = InfluxTarget.Parse(server.StoreUri("v1", database, precision), _ => null);
        await using (var writer = new InfluxWriter(target, new InfluxWriterOptions { SpoolDirectory = _dir.Sub("spool") }))
        {
            for (int d = 0; d < DeviceNames.Length; d++)
            {
                var device = new DeviceSeries(DeviceNames[d], 0x0123456789ABC000UL + (ulong)d);
                // Sub-second parts down to 100 ns, so truncation to every precision shows.
                var time = new DateTime(2026, 11, 22, 6, 0, d, DateTimeKind.Utc).AddTicks(1_234_567);
                foreach (var point in SamplePoints.OneOfEach(device, time, variant: d, withProgramme: true))
                {
                    Write(writer, point);
                    expected.Add(ExpectedPoint.From(point));
                }
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await writer.FlushAsync(deadline.Token);
            Assert.Equal(0, writer.Metrics.LinesDeadLettered);
        }

        foreach (var measurement in StorageSchema.All)
        {
            await AssertFieldTypesAsync(server, database, measurement);
            var series = await server.SeriesAsync(database, $"SELECT * FROM \"{measurement.Name}\" GROUP BY *");
            var wanted = expected.Where(e => e.Measurement == measurement.Name).ToList();
            Assert.Equal(wanted.Count, series.Count);
            foreach (var point in wanted)
            {
                var match = series.Where(s => s.Tags.Count == point.Tags.Count && s.Tags.All(t => point.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).ToList();
                var (_, _, rows) = Assert.Single(match);
                var row = Assert.Single(rows);
                Assert.Equal(point.UnixNanoseconds / unitNs * unitNs, row["time"].GetInt64());
                Assert.Equal(point.Fields.Count, row.Count - 1);
                foreach (var (name, value) in point.Fields)
                {
                    AssertValue(value, row[name], $"{measurement.Name}.{name} of {point.Tags["device"]}");
                }
            }
        }
    }

    private static void Write(InfluxWriter writer, IStoredPoint point)
    {
        switch (point)
        {
            case PostureRecord r: writer.Write(r); break;
            case PostureAlertRecord r: writer.Write(r); break;
            case PostureSummaryRecord r: writer.Write(r); break;
            case PostureBendRecord r: writer.Write(r); break;
            case DeviceStatusRecord r: writer.Write(r); break;
            case LinkStatsRecord r: writer.Write(r); break;
            case PostureNeutralRecord r: writer.Write(r); break;
            case ProgrammeRecord r: writer.Write(r); break;
            case ProgrammeSessionRecord r: writer.Write(r); break;
            default: throw new ArgumentOutOfRangeException(nameof(point));
        }
    }

    private static async Task AssertFieldTypesAsync(InfluxdServer server, string database, MeasurementDefinition measurement)
    {
        var series = await server.SeriesAsync(database, $"SHOW FIELD KEYS FROM \"{measurement.Name}\"");
        var stored = Assert.Single(series).Rows.ToDictionary(r => r["fieldKey"].GetString()!, r => r["fieldType"].GetString()!);
        var schema = measurement.Fields.ToDictionary(f => f.Name, f => f.Type switch
        {
            FieldType.Float => "float",
            FieldType.Integer => "integer",
            FieldType.String => "string",
            _ => "boolean",
        });
        Assert.Equal(schema.OrderBy(p => p.Key, StringComparer.Ordinal), stored.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static void AssertValue(object expected, JsonElement actual, string what)
    {
        switch (expected)
        {
            case double d:
                Assert.True(d == actual.GetDouble(), $"{what}: expected {d:R}, read {actual}");
                break;
            case long l:
                Assert.True(l == actual.GetInt64(), $"{what}: expected {l}, read {actual}");
                break;
            case bool b:
                Assert.True(b == actual.GetBoolean(), $"{what}: expected {b}, read {actual}");
                break;
            default:
                Assert.True((string)expected == actual.GetString(), $"{what}: expected {expected}, read {actual}");
                break;
        }
    }
}
