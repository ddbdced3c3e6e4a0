using System.Text;
using PostureStream.Storage.Export;
using PostureStream.Storage.Influx;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Storage.Tests.Sqlite;
using PostureStream.Storage.Trends;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests.Export;

[Collection(InfluxdCollection.Name)]
public sealed class ExportTests(InfluxdFixture fixture) : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 21, 22, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime From = T0.AddHours(-1);
    private static readonly DateTime To = T0.AddHours(6);
    private static readonly string[] Names = ["Anna's belt", "lab,room=3 \"east\"", @"C:\devices\belt", "Zürich 東京 😀", "a=b"];
    private readonly TempDirectory _dir = new("ps-export-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task LineProtocol_ReimportedIntoInfluxd_ReproducesEveryPoint()
    {
        int points = await SeedAsync();
        using var source = SqlitePointSource.Open(_dir.Sub("s.db"), pageSize: 50);
        var stored = await StoreWriting.ReadAllAsync(source, From, To);
        Assert.Equal(points, stored.Count);

        using var output = new MemoryStream();
        long exported = await Exporter.ExportAsync(source, From, To, ExportFormat.LineProtocol, output, null, CancellationToken.None);
        Assert.Equal(points, exported);
        string text = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain('\r', text);
        Assert.Equal(points, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\nlink_stats,device=W,device_id=0000000000000077,segment=lumbar,transport=ble frames=10i,", text, StringComparison.Ordinal);
        Assert.Contains("\ndevice_status,device=W,device_id=0000000000000077,segment=pelvis pelvis_fault=true ", text, StringComparison.Ordinal);
        Assert.Matches("\nlink_stats,device=Anna's\\\\ belt,device_id=[0-9a-f]{16},transport=serial ", text);

        var server = fixture.Server;
        await server.CreateDatabaseAsync("reimport");
        using (var content = new ByteArrayContent(output.ToArray()))
        using (var response = await server.Http.PostAsync(new Uri($"http://127.0.0.1:{server.Port}/write?db=reimport&precision=n"), content))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var target = InfluxTarget.Parse(server.StoreUri("v1", "reimport", "ns"), _ => null);
        using var influx = new InfluxPointSource(new InfluxQueryClient(target));
        Assert.Equal(points, await influx.CountAsync(From, To, CancellationToken.None));
        var reimported = await StoreWriting.ReadAllAsync(influx, From, To);
        Assert.Equal(
            stored.Select(StoreWriting.Describe).Order(StringComparer.Ordinal),
            reimported.Select(StoreWriting.Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Csv_HasAHeader_AndOneRowPerPoint_WithTagsAndTypedCells()
    {
        int points = await SeedAsync();
        using var source = SqlitePointSource.Open(_dir.Sub("s.db"), pageSize: 7);
        using var output = new MemoryStream();
        await Exporter.ExportAsync(source, From, To, ExportFormat.Csv, output, null, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', CsvExportWriter.Columns), lines[0]);
        Assert.StartsWith("measurement,time,device,device_id,kind,transport,lumbar_pitch,", lines[0], StringComparison.Ordinal);
        Assert.Equal(points, lines.Length - 1);
        int columns = CsvExportWriter.Columns.Count;
        Assert.All(lines, line => Assert.Equal(columns, SplitCsv(line).Count));

        var status = SplitCsv(lines.Single(l => l.StartsWith("device_status,", StringComparison.Ordinal) && l.Contains("\"lab,room=3 \"\"east\"\"\"", StringComparison.Ordinal)));
        var header = SplitCsv(lines[0]);
        Assert.Equal("lab,room=3 \"east\"", status[header.IndexOf("device")]);
        Assert.Equal("3987", status[header.IndexOf("battery_mv")]);
        Assert.Equal("false", status[header.IndexOf("charging")]);
        Assert.Equal("31.25", status[header.IndexOf("temperature_c")]);
        Assert.Equal(string.Empty, status[header.IndexOf("kind")]);
        Assert.Equal("2026-11-21T22:30:01.000000000Z", status[header.IndexOf("time")]);

        // segment is the last column: the wearer's links name theirs, a PSP device's is empty.
        Assert.Equal("segment", header[^1]);
        Assert.Equal(string.Empty, status[^1]);
        var wearerLinks = lines.Where(l => l.StartsWith("link_stats,", StringComparison.Ordinal) && l.Contains(",0000000000000077,", StringComparison.Ordinal)).Select(SplitCsv).ToList();
        Assert.Equal(["lumbar", "pelvis"], wearerLinks.Select(cells => cells[^1]).Order());
        Assert.All(wearerLinks, cells => Assert.Equal("ble", cells[header.IndexOf("transport")]));
        var lumbarStatus = SplitCsv(lines.Single(l => l.StartsWith("device_status,", StringComparison.Ordinal) && l.EndsWith(",lumbar", StringComparison.Ordinal)));
        Assert.Equal("false", lumbarStatus[header.IndexOf("lumbar_fault")]);
        Assert.Equal(string.Empty, lumbarStatus[header.IndexOf("battery_mv")]);
    }

    [Fact]
    public async Task EmptyRange_GivesJustTheHeader()
    {
        await SeedAsync();
        using var source = SqlitePointSource.Open(_dir.Sub("s.db"));
        using var output = new MemoryStream();
        Assert.Equal(0, await Exporter.ExportAsync(source, From.AddDays(-9), From.AddDays(-8), ExportFormat.Csv, output, null, CancellationToken.None));
        Assert.Equal(string.Join(',', CsvExportWriter.Columns) + "\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>Every measurement for several awkward device names, plus posture points over several hours.</summary>
    private async Task<int> SeedAsync()
    {
        int count = 0;
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db") });
        for (int d = 0; d < Names.Length; d++)
        {
            var device = new DeviceSeries(Names[d], 0x0123456789abc000UL + (ulong)d);
            foreach (var point in SamplePoints.OneOfEach(device, T0.AddSeconds(d), variant: d))
            {
                count += StoreWriting.Write(store, point) ? 1 : 0;
            }
        }

        // A wearer of two sensors: one link_stats and one device_status series per segment.
        var wearer = new DeviceSeries("W", 0x77);
        foreach (var segment in new[] { BodySegment.Lumbar, BodySegment.Pelvis })
        {
            count += store.Write(new LinkStatsRecord(wearer, T0, Transport.Ble, 10, 500, 1, 0, 0, 0, 0, 0, segment)) ? 1 : 0;
            count += store.Write(DeviceStatusRecord.LinkFault(wearer, T0.AddSeconds(5), segment, fault: segment == BodySegment.Pelvis)) ? 1 : 0;
        }

        var walker = new DeviceSeries("walker", 0xabc);
        for (int i = 0; i < 300; i++)
        {
            var time = T0.AddSeconds(i * 61.3);
            count += store.Write(new PostureRecord(walker, time, i, -i, 0.1 * i, double.NaN, 2.5, 3.5, -1.25, Activity.Walking, PostureState.Neutral)) ? 1 : 0;
        }

        return count;
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
