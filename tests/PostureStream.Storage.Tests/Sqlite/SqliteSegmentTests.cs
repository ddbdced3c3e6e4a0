using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests.Sqlite;

/// <summary>
/// The <c>segment</c> tag in the SQLite store: a wearer's two sensor links are two series of one device, a PSP
/// device's series stay as they were, files of version 2 gain the column when opened, and the disk queue reads rows
/// it wrote before the tag existed.
/// </summary>
public sealed class SqliteSegmentTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DeviceSeries Wearer = new("W", 0x77);
    private readonly TempDirectory _dir = new("ps-segment-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SegmentedLinkPoints_RoundTrip_AndTheTwoSegmentsNeverShareASeries()
    {
        string path = _dir.Sub("s.db");
        for (int run = 0; run < 2; run++)
        {
            // Written twice, the second time by a new store: the same series and times are overwritten, not added.
            await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = path });
            store.Write(new LinkStatsRecord(Wearer, T0, Transport.Serial, 10, 500, 1, 0, 0, 0, 0, 0, BodySegment.Lumbar));
            store.Write(new LinkStatsRecord(Wearer, T0, Transport.Serial, 20, 500, 2, 0, 0, 0, 0, 0, BodySegment.Pelvis));
            store.Write(new LinkStatsRecord(Wearer, T0, Transport.Serial, 30, 500, 3, 0, 0, 0, 0, 0));
            store.Write(DeviceStatusRecord.LinkFault(Wearer, T0, BodySegment.Lumbar, fault: true));
            store.Write(DeviceStatusRecord.LinkFault(Wearer, T0, BodySegment.Pelvis, fault: false));
        }

        using (var source = SqlitePointSource.Open(path, pageSize: 2))
        {
            var rows = (await StoreWriting.ReadAllAsync(source, T0.AddDays(-1), T0.AddDays(1))).Select(StoreWriting.Describe).ToList();
            long ns = SqliteRowMapper.ToUnixNanoseconds(T0);
            Assert.Equal(
                [
                    $"device_status {ns} [W,0000000000000077,lumbar] lumbar_fault=True:Boolean",
                    $"device_status {ns} [W,0000000000000077,pelvis] pelvis_fault=False:Boolean",
                    $"link_stats {ns} [W,0000000000000077,,serial] frames=30:Int64 samples=500:Int64 crc_errors=3:Int64 cobs_errors=0:Int64 other_errors=0:Int64 lost_frames=0:Int64 resyncs=0:Int64 reconnects=0:Int64",
                    $"link_stats {ns} [W,0000000000000077,lumbar,serial] frames=10:Int64 samples=500:Int64 crc_errors=1:Int64 cobs_errors=0:Int64 other_errors=0:Int64 lost_frames=0:Int64 resyncs=0:Int64 reconnects=0:Int64",
                    $"link_stats {ns} [W,0000000000000077,pelvis,serial] frames=20:Int64 samples=500:Int64 crc_errors=2:Int64 cobs_errors=0:Int64 other_errors=0:Int64 lost_frames=0:Int64 resyncs=0:Int64 reconnects=0:Int64",
                ],
                rows.Order(StringComparer.Ordinal));
        }

        using var connection = SqliteConnections.OpenForReading(path);
        Assert.Equal(["lumbar|10", "pelvis|20", "|30"], Strings(connection, "SELECT coalesce(segment, '') || '|' || frames FROM link_stats ORDER BY frames"));
        Assert.Equal(3L, Scalar(connection, "SELECT count(DISTINCT series) FROM link_stats_rows"));
        Assert.Equal(
            ["lumbar|1||", "pelvis||0|"],
            Strings(connection, "SELECT segment || '|' || coalesce(lumbar_fault, '') || '|' || coalesce(pelvis_fault, '') || '|' || coalesce(battery_mv, '') FROM device_status ORDER BY segment"));
    }

    [Fact]
    public async Task Version2File_OpensAtVersion3_ItsSeriesKeepTheirPoints_AndTheViewsGainSegment()
    {
        string path = _dir.Sub("v2.db");
        long ns = SqliteRowMapper.ToUnixNanoseconds(T0);
        Version2File.Create(path, $"""
            INSERT INTO series (id, device_id, device, tag, last_ns) VALUES (1, '0000000000000077', 'W', 'serial', {ns}), (2, '0000000000000077', 'W', '', {ns});
            INSERT INTO link_stats_rows (time_ns, series, frames, samples) VALUES ({ns}, 1, 30, 500);
            INSERT INTO device_status_rows (time_ns, series, battery_mv, charging) VALUES ({ns}, 2, 3900, 1);

            """);

        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            Assert.Equal(2, store.PreviousSchemaVersion);
            store.Write(new LinkStatsRecord(Wearer, T0, Transport.Serial, 10, 500, 0, 0, 0, 0, 0, 0, BodySegment.Lumbar));
            store.Write(new LinkStatsRecord(Wearer, T0, Transport.Serial, 31, 501, 0, 0, 0, 0, 0, 0));
        }

        using var connection = SqliteConnections.OpenForReading(path);
        Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.ReadVersion(connection));
        foreach (var measurement in new[] { StorageSchema.LinkStats, StorageSchema.DeviceStatus })
        {
            var columns = Strings(connection, $"SELECT name FROM pragma_table_info('{measurement.Name}')");
            Assert.Equal(StorageSchema.SegmentTag, columns[^1]);
            Assert.Equal(columns[..^1], ["time_ns", .. measurement.OriginalTagKeys, .. measurement.Fields.Select(f => f.Name)]);
        }

        // The old PSP series is the one a point without a segment still writes to (overwritten, ids kept); the lumbar link is a new one.
        Assert.Equal(["|31", "lumbar|10"], Strings(connection, "SELECT coalesce(segment, '') || '|' || frames FROM link_stats ORDER BY segment"));
        Assert.Equal(["1"], Strings(connection, "SELECT series FROM link_stats_rows WHERE frames = 31"));
        Assert.Equal(["|3900"], Strings(connection, "SELECT coalesce(segment, '') || '|' || battery_mv FROM device_status"));
    }

    [Fact]
    public void DiskQueueRow_WithoutASegment_HasItsOldBytes_AndASegmentedRowReadsBack()
    {
        var plain = SqliteRowMapper.Map(new LinkStatsRecord(Wearer, T0, Transport.Ble, 1, 2, 3, 4, 5, 6, 7, 8));
        var segmented = SqliteRowMapper.Map(new LinkStatsRecord(Wearer, T0, Transport.Ble, 1, 2, 3, 4, 5, 6, 7, 8, BodySegment.Pelvis));

        // Before the segment existed: index 5, time, the tags device, device_id, transport, then eight integers.
        var old = new List<byte> { 5 };
        old.AddRange(Int64(SqliteRowMapper.ToUnixNanoseconds(T0)));
        foreach (string tag in new[] { "W", "0000000000000077", "ble" })
        {
            old.AddRange(BitConverter.GetBytes((ushort)tag.Length));
            old.AddRange(Encoding.UTF8.GetBytes(tag));
        }

        for (long value = 1; value <= 8; value++)
        {
            old.Add(2);
            old.AddRange(Int64(value));
        }

        Assert.Equal(old.ToArray(), Encode(plain));
        Assert.Equal(0x85, Encode(segmented)[0]);
        foreach (var row in new[] { plain, segmented })
        {
            var back = new List<SqliteRow>();
            SqliteRowCodec.DecodeAll(Encode(row), back);
            Assert.Equal(row.Tags, Assert.Single(back).Tags);
            Assert.Equal(row.Fields, back[0].Fields);
        }

        Assert.Equal(["W", "0000000000000077", "", "ble"], plain.Tags);
        Assert.Equal(["W", "0000000000000077", "pelvis", "ble"], segmented.Tags);
    }

    private static byte[] Encode(SqliteRow row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SqliteRowCodec.Encode(in row, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Int64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return values;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
