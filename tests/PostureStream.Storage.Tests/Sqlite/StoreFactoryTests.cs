using PostureStream.Storage.Influx;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Stores;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Sqlite;

public sealed class StoreFactoryTests : IDisposable
{
    private readonly TempDirectory _dir = new("ps-factory-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SqliteUri_GivesThePath_AndOptionalRetention()
    {
        var plain = StoreFactory.Parse("sqlite:/var/lib/ps/data.db");
        Assert.True(plain.IsSqlite);
        Assert.Equal("/var/lib/ps/data.db", plain.SqlitePath);
        Assert.Null(plain.RetentionDays);
        Assert.Equal(30, StoreFactory.Parse("sqlite:data.db?retention_days=30").RetentionDays);
        Assert.Equal("sqlite:/x/posturestream/posturestream.db", StoreFactory.DefaultStoreUri("/x"));
    }

    [Fact]
    public async Task SqliteDiskQueue_HoldsADayPerConfiguredDevice_UnlessDiskQueueMbIsGiven()
    {
        Assert.Equal(3 * SqliteStoreOptions.BytesPerWearerDay, SqliteStoreOptions.DiskQueueBytesFor(3));
        Assert.Equal(SqliteStoreOptions.BytesPerWearerDay, SqliteStoreOptions.DiskQueueBytesFor(0));
        await using (var store = (SqliteStore)StoreFactory.OpenStore("sqlite:" + _dir.Sub("d.db"), devices: 5))
        {
            Assert.Equal(5 * SqliteStoreOptions.BytesPerWearerDay, store.DiskQueueMaxBytes);
            Assert.Equal(_dir.Sub("d.db") + "-queue", store.DiskQueueDirectory);
        }

        await using (var store = (SqliteStore)StoreFactory.OpenStore("sqlite:" + _dir.Sub("e.db") + "?disk_queue_mb=300&retention_days=7", devices: 5))
        {
            Assert.Equal(300_000_000, store.DiskQueueMaxBytes);
        }
    }

    [Fact]
    public async Task SqliteMemoryQueue_HoldsAbout20SecondsPerConfiguredDevice_Between10000And100000Points()
    {
        Assert.Equal(10_000, SqliteStoreOptions.MemoryQueueFor(1));
        Assert.Equal(40_000, SqliteStoreOptions.MemoryQueueFor(200));
        Assert.Equal(100_000, SqliteStoreOptions.MemoryQueueFor(5_000));
        await using var store = (SqliteStore)StoreFactory.OpenStore("sqlite:" + _dir.Sub("m.db"), devices: 300);
        Assert.Equal(60_000, store.MaxQueuedPoints);
    }

    [Fact]
    public void InfluxUri_IsParsedByTheInfluxParser()
    {
        var location = StoreFactory.Parse("influxdb-v2:http://127.0.0.1:8086?org=o&bucket=b&token=secret");
        Assert.False(location.IsSqlite);
        Assert.Equal(InfluxApiVersion.V2, location.Influx!.Version);
        Assert.DoesNotContain("secret", location.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://db", "'postgres://db'", "sqlite:PATH")]
    [InlineData("sqlite:", "'sqlite:'", "sqlite:PATH")]
    [InlineData("sqlite:a.db?retention_days=0", "retention_days '0'", "at least 1")]
    [InlineData("sqlite:a.db?keep=3", "'keep'", "retention_days=N")]
    [InlineData("sqlite:a.db?disk_queue_mb=x", "disk_queue_mb 'x'", "at least 1")]
    [InlineData("influxdb-v1:http://h:8086", "influxdb-v1", "db=NAME")]
    public void BadUri_Throws_NamingTheValueAndWhatIsValid(string uri, string names, string valid)
    {
        var error = Assert.Throws<StoreUriException>(() => StoreFactory.Parse(uri));
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
        Assert.Contains(valid, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteUri_OpensAStoreThenItsQueries()
    {
        string uri = "sqlite:" + _dir.Sub("a/b.db");
        await using (var store = StoreFactory.OpenStore(uri))
        {
            Assert.IsType<SqliteStore>(store);
            Assert.Equal(uri, ((SqliteStore)store).Description);
            store.Write(SqliteStoreTests.Summary(new Points.DeviceSeries("belt", 7), new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        var queries = StoreFactory.OpenQueries(uri);
        Assert.IsType<SqliteTrendQueries>(queries);
        var device = Assert.Single(await queries.ListDevicesAsync(CancellationToken.None));
        Assert.Equal(("belt", "0000000000000007"), (device.Name, device.DeviceId));
    }
}
