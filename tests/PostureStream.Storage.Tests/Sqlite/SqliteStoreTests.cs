using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Tests.Fixtures;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests.Sqlite;

public sealed class SqliteStoreTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new("ps-sqlite-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EveryMeasurement_RoundTrips_ValuesTypesTagsAndTimes()
    {
        string[] names = ["Anna's belt", "Zürich 東京 😀", "lab,room=3 \"east\"", "line\r\nbreak"];
        var expected = new List<string>();
        await using (var store = Open())
        {
            for (int d = 0; d < names.Length; d++)
            {
                var device = new DeviceSeries(names[d], 0xfeedbeef00000000UL + (ulong)d);
                var time = T0.AddSeconds(d).AddTicks(1_234_567);
                foreach (var point in SamplePoints.OneOfEach(device, time, variant: d, withProgramme: true))
                {
                    Assert.True(StoreWriting.Write(store, point));
                    expected.Add(StoreWriting.Describe(ExpectedPoint.From(point)));
                }
            }
        }

        var actual = await ReadAllAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Contains(actual, r => r.Contains("[Zürich 東京 😀,feedbeef00000001]", StringComparison.Ordinal));
        Assert.Contains(actual, r => r.Contains("[linebreak,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NonFiniteFloatsAndUnknownBattery_AreStoredAsAbsent()
    {
        var device = new DeviceSeries("belt", 1);
        await using (var store = Open())
        {
            store.Write(new PostureRecord(device, T0, double.NaN, 1, double.PositiveInfinity, 2, 3, 4, double.NegativeInfinity, Activity.Walking, PostureState.Uncalibrated));
            store.Write(new DeviceStatusRecord(device, T0, 3900, null, 25.5, true, false, false));
        }

        var rows = await ReadAllAsync();
        Assert.Equal(
            [
                $"posture {Ns(T0)} [belt,0000000000000001] lumbar_roll=1:Double pelvis_roll=2:Double pelvic_tilt=3:Double lumbar_flexion=4:Double activity=walking:String state=uncalibrated:String",
                $"device_status {Ns(T0)} [belt,0000000000000001,] battery_mv=3900:Int64 temperature_c=25.5:Double charging=True:Boolean lumbar_fault=False:Boolean pelvis_fault=False:Boolean",
            ],
            rows);
    }

    [Fact]
    public async Task SameSeriesAndTime_Overwrites_AndKeepsFieldsTheNewPointLacks()
    {
        var device = new DeviceSeries("belt", 1);
        await using (var store = Open())
        {
            store.Write(new DeviceStatusRecord(device, T0, 3900, 80, 25.5, true, false, false));
            await store.FlushAsync(CancellationToken.None);
            store.Write(new DeviceStatusRecord(device, T0, 3800, null, 26, false, false, true));
            store.Write(new LinkStatsRecord(device, T0, Transport.Serial, 1, 1, 0, 0, 0, 0, 0, 0));
            store.Write(new LinkStatsRecord(device, T0, Transport.Ble, 2, 2, 0, 0, 0, 0, 0, 0));
        }

        var rows = await ReadAllAsync();
        Assert.Equal(3, rows.Count);
        Assert.Contains($"device_status {Ns(T0)} [belt,0000000000000001,] battery_mv=3800:Int64 battery_pct=80:Int64 temperature_c=26:Double charging=False:Boolean lumbar_fault=False:Boolean pelvis_fault=True:Boolean", rows);
        Assert.Equal(2, rows.Count(r => r.StartsWith("link_stats", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Batches_CommitAtBatchSize_OnFlush_AndOnDispose()
    {
        var device = new DeviceSeries("belt", 1);
        var time = new ManualTimeProvider();
        var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db"), BatchSize = 10 }, timeProvider: time);
        for (int i = 0; i < 25; i++)
        {
            store.Write(Summary(device, T0.AddMinutes(i)));
        }

        await store.FlushAsync(CancellationToken.None);
        Assert.Equal(25, store.PointsCommitted);
        store.Write(Summary(device, T0.AddHours(1)));
        await store.DisposeAsync();
        Assert.Equal(26, (await ReadAllAsync()).Count);
    }

    [Fact]
    public async Task NewFile_IsMigratedToCurrentVersion_InWalMode_AndReopensWithItsData()
    {
        string path = _dir.Sub("nested/dir/store.db");
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            Assert.Equal(0, store.PreviousSchemaVersion);
            store.Write(Summary(new DeviceSeries("belt", 1), T0));
        }

        await using (var reopened = SqliteStore.Open(new SqliteStoreOptions { Path = path }))
        {
            Assert.Equal(SqliteMigrations.CurrentVersion, reopened.PreviousSchemaVersion);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.ReadVersion(connection));
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT COUNT(*) FROM posture_summary";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public void EmptyExistingFile_IsMigrated()
    {
        string path = _dir.Sub("empty.db");
        File.WriteAllBytes(path, []);
        using (var connection = SqliteConnections.OpenForWriting(path))
        {
            Assert.Equal(0, SqliteMigrations.Migrate(connection, path));
            Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.ReadVersion(connection));
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void FileFromANewerVersion_IsRefused_NamingItsVersion()
    {
        string path = _dir.Sub("newer.db");
        using (var connection = SqliteConnections.OpenForWriting(path))
        {
            SqliteConnections.Execute(connection, "PRAGMA user_version = 99;");
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteStore.Open(new SqliteStoreOptions { Path = path }));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_DeletesOlderData_AtOpenAndOnItsTimer()
    {
        var clock = new ManualTimeProvider();
        var now = clock.GetUtcNow().UtcDateTime;
        var device = new DeviceSeries("belt", 1);
        await using (var store = Open())
        {
            store.Write(Summary(device, now.AddDays(-10)));
            store.Write(new PostureBendRecord(device, now.AddDays(-8), 1, 40, 10, 0.8, true));
            store.Write(Summary(device, now.AddDays(-6)));
            store.Write(Summary(device, now.AddHours(-1)));
        }

        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db"), Retention = TimeSpan.FromDays(7) }, timeProvider: clock))
        {
            Assert.Equal(2, (await ReadAllAsync()).Count);
            clock.Advance(TimeSpan.FromDays(5));
            store.ApplyRetention();
        }

        var left = Assert.Single(await ReadAllAsync());
        Assert.StartsWith($"posture_summary {Ns(now.AddHours(-1))}", left, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingCommits_KeepThePointsInMemoryUpToTheBound_ThenOnDisk_AndStoreThemOnceCommitsSucceed()
    {
        var device = new DeviceSeries("belt", 1);
        var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db"), BatchSize = 100, MaxQueuedPoints = 3 }, timeProvider: new ManualTimeProvider());
        using (var other = SqliteConnections.OpenForWriting(_dir.Sub("s.db")))
        {
            SqliteConnections.Execute(other, "ALTER TABLE posture_summary_rows RENAME TO away;");
        }

        for (int i = 0; i < 3; i++)
        {
            store.Write(Summary(device, T0.AddMinutes(i)));
        }

        // The failed batch waits in memory for the next attempt and fills the bound: the disk queue takes the rest.
        await Assert.ThrowsAsync<SqliteException>(() => store.FlushAsync(CancellationToken.None));
        for (int i = 3; i < 8; i++)
        {
            store.Write(Summary(device, T0.AddMinutes(i)));
        }

        Assert.Equal(3, store.QueuedPoints);
        Assert.Equal(5, store.PointsSpilled);
        Assert.Equal(0, store.PointsLost);
        Assert.Equal(0, store.PointsCommitted);

        using (var other = SqliteConnections.OpenForWriting(_dir.Sub("s.db")))
        {
            SqliteConnections.Execute(other, "ALTER TABLE away RENAME TO posture_summary_rows;");
        }

        await store.FlushAsync(CancellationToken.None);
        Assert.Equal(8, store.PointsCommitted);
        await store.DisposeAsync();
        Assert.Equal(8, (await ReadAllAsync()).Count);
    }

    [Fact]
    public async Task CommitFailingAtClose_MovesThePointsToTheDiskQueue_ForTheNextOpen()
    {
        var device = new DeviceSeries("belt", 1);
        var log = new ListLogger();
        var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db") }, log, new ManualTimeProvider());
        using (var other = SqliteConnections.OpenForWriting(_dir.Sub("s.db")))
        {
            SqliteConnections.Execute(other, "ALTER TABLE posture_summary_rows RENAME TO away;");
        }

        for (int i = 0; i < 5; i++)
        {
            store.Write(Summary(device, T0.AddMinutes(i)));
        }

        await store.DisposeAsync();
        Assert.Equal(0, store.PointsLost);
        Assert.Contains(log.At(LogLevel.Error), m => m.Contains("5 points were moved to the disk queue", StringComparison.Ordinal));
        using (var other = SqliteConnections.OpenForWriting(_dir.Sub("s.db")))
        {
            SqliteConnections.Execute(other, "ALTER TABLE away RENAME TO posture_summary_rows;");
        }

        await using (var reopened = Open())
        {
            await reopened.FlushAsync(CancellationToken.None);
        }

        Assert.Equal(5, (await ReadAllAsync()).Count);
    }

    [Fact]
    public void Options_AreValidated_NamingTheSetting()
    {
        Assert.Contains("Path", Assert.Throws<ArgumentException>(() => SqliteStore.Open(new SqliteStoreOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("Retention", Assert.Throws<ArgumentException>(() => SqliteStore.Open(new SqliteStoreOptions { Path = "x.db", Retention = TimeSpan.Zero })).Message, StringComparison.Ordinal);
        Assert.Contains("BatchSize", Assert.Throws<ArgumentException>(() => SqliteStore.Open(new SqliteStoreOptions { Path = "x.db", BatchSize = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("MaxBatchSize", Assert.Throws<ArgumentException>(() => SqliteStore.Open(new SqliteStoreOptions { Path = "x.db", BatchSize = 100, MaxBatchSize = 99 })).Message, StringComparison.Ordinal);
        Assert.Contains("DiskQueueMaxBytes", Assert.Throws<ArgumentException>(() => SqliteStore.Open(new SqliteStoreOptions { Path = "x.db", DiskQueueMaxBytes = 1000 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPath_FollowsXdgDataHome()
    {
        Assert.Equal("/data/home/posturestream/posturestream.db", SqliteStore.DefaultPath("/data/home"));
        Assert.EndsWith("/.local/share/posturestream/posturestream.db", SqliteStore.DefaultPath(string.Empty), StringComparison.Ordinal);
    }

    internal static PostureSummaryRecord Summary(DeviceSeries device, DateTime time) =>
        new(device, time, 30, 20, 10, 0, 40, 20, 0, 0, 0, 1.5, -2, 4, -3, -12, 6, 600, 0);

    private static long Ns(DateTime time) => (time.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    private SqliteStore Open() => SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db") });

    private async Task<List<string>> ReadAllAsync()
    {
        using var source = SqlitePointSource.Open(_dir.Sub("s.db"), pageSize: 3);
        var rows = await StoreWriting.ReadAllAsync(source, DateTime.UnixEpoch, new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return [.. rows.Select(StoreWriting.Describe)];
    }
}
