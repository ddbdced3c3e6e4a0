using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PostureStream.Storage.Export;
using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Storage.Sqlite;
using PostureStream.Storage.Stores;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Sqlite;

/// <summary>Files of schema version 1 are moved to the version-2 layout in place, resumably, with progress; nothing changes for readers.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly DateTime T0 = new(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Names = ["Anna's belt", "Zürich 東京 😀", "lab,room=3 \"east\"", "a=b"];
    private readonly TempDirectory _dir = new("ps-migrate-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Version1File_IsMigratedInPlace_ReadersSeeTheSamePoints_AndProgressIsReported()
    {
        var points = Points();
        Version1File.Create(_dir.Sub("old.db"), points);
        await using (var fresh = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("new.db") }))
        {
            foreach (var point in points)
            {
                StoreWriting.Write(fresh, point);
            }
        }

        var reports = new List<StoreOpenProgress>();
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("old.db"), MigrationChunkRows = 5, MigrationProgress = new Recorder(reports) }))
        {
            Assert.Equal(1, store.PreviousSchemaVersion);
        }

        Assert.Equal(await ExportAsync("new.db", ExportFormat.LineProtocol), await ExportAsync("old.db", ExportFormat.LineProtocol));
        Assert.Equal(await ExportAsync("new.db", ExportFormat.Csv), await ExportAsync("old.db", ExportFormat.Csv));
        var devices = await SqliteTrendQueries.Open(_dir.Sub("old.db")).ListDevicesAsync(CancellationToken.None);
        Assert.Equal(await SqliteTrendQueries.Open(_dir.Sub("new.db")).ListDevicesAsync(CancellationToken.None), devices);
        Assert.Equal(Names.Length, devices.Count);

        Assert.True(reports.Count > points.Count / 5, $"{reports.Count} progress reports");
        Assert.Equal(0, reports[0].Done);
        Assert.Equal(points.Count, reports[^1].Done);
        Assert.Equal(points.Count, reports[^1].Total);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Done >= p.First.Done), "progress never goes back");
        using var connection = SqliteConnections.OpenForReading(_dir.Sub("old.db"));
        Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.ReadVersion(connection));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v1'"));
    }

    [Fact]
    public async Task Migration_KilledMidWay_ResumesOnTheNextOpen_WithEveryRowOnce()
    {
        string path = _dir.Sub("big.db");
        Version1File.Create(path, Points());
        Version1File.AddPostureRows(path, "belt", "00000000000000aa", Ns(T0.AddDays(1)), 20_000);
        long before;
        using (var connection = SqliteConnections.OpenForReading(path))
        {
            before = Scalar(connection, "SELECT count(*) FROM posture");
        }

        using (var child = StartMigrator(path, chunkRows: 1000))
        {
            using var deadline = new CancellationTokenSource(Patience);
            string? line = await child.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null || !line.StartsWith("moved ", StringComparison.Ordinal))
            {
                child.Kill();
                Assert.Fail($"migrator said '{line}': {await child.StandardError.ReadToEndAsync(deadline.Token)}");
            }

            // Killed between two chunks' transactions, half-way through.
            child.Kill();
            await child.WaitForExitAsync(deadline.Token);
        }

        using (var connection = SqliteConnections.OpenForReading(path))
        {
            // Half-way: the old tables still hold rows, the new ones some; the version is still 1.
            Assert.Equal(1, SqliteMigrations.ReadVersion(connection));
            Assert.True(Scalar(connection, "SELECT count(*) FROM posture_v1") > 0);
            Assert.True(Scalar(connection, "SELECT count(*) FROM posture_rows") > 0);
        }

        var reports = new List<StoreOpenProgress>();
        await using (var store = SqliteStore.Open(new SqliteStoreOptions { Path = path, MigrationProgress = new Recorder(reports) }))
        {
            Assert.Equal(1, store.PreviousSchemaVersion);
        }

        Assert.True(reports[0].Total < before, "the resumed migration only counts what is left");
        using (var connection = SqliteConnections.OpenForReading(path))
        {
            Assert.Equal(SqliteMigrations.CurrentVersion, SqliteMigrations.ReadVersion(connection));
            Assert.Equal(before, Scalar(connection, "SELECT count(*) FROM posture"));
            Assert.Equal(20_000L, Scalar(connection, "SELECT count(DISTINCT time_ns) FROM posture WHERE device_id = '00000000000000aa'"));
            Assert.Equal(Enumerable.Range(0, 20_000).Sum(i => i * 0.25), Real(connection, "SELECT sum(lumbar_pitch) FROM posture WHERE device_id = '00000000000000aa'"));
        }
    }

    [Fact]
    public async Task EveryMeasurement_HasAViewNamedAfterIt_WithTimeTagsAndFieldsInSchemaOrder()
    {
        await using (SqliteStore.Open(new SqliteStoreOptions { Path = _dir.Sub("s.db") }))
        {
        }

        using var connection = SqliteConnections.OpenForReading(_dir.Sub("s.db"));
        foreach (var measurement in StorageSchema.All)
        {
            Assert.Equal("view", Text(connection, $"SELECT type FROM sqlite_master WHERE name = '{measurement.Name}'"));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{measurement.Name}')";
            var columns = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            Assert.Equal(["time_ns", .. measurement.TagKeys, .. measurement.Fields.Select(f => f.Name)], columns);
        }
    }

    private static List<IStoredPoint> Points()
    {
        var points = new List<IStoredPoint>();
        for (int minute = 0; minute < 3; minute++)
        {
            for (int d = 0; d < Names.Length; d++)
            {
                var device = new DeviceSeries(Names[d], 0xfeedbeef00000000UL + (ulong)d);
                // Two devices share each time, so the order of ties is checked too.
                points.AddRange(SamplePoints.Version1Only(SamplePoints.OneOfEach(device, T0.AddMinutes(minute).AddSeconds(d / 2), variant: d + minute)));
            }
        }

        return points;
    }

    private async Task<string> ExportAsync(string file, ExportFormat format)
    {
        using var source = SqlitePointSource.Open(_dir.Sub(file), pageSize: 7);
        using var output = new MemoryStream();
        await Exporter.ExportAsync(source, T0.AddDays(-1), T0.AddDays(2), format, output, null, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static long Ns(DateTime time) => SqliteRowMapper.ToUnixNanoseconds(time);

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static double Real(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static Process StartMigrator(string path, int chunkRows)
    {
        // tests/PostureStream.Storage.Tests/bin/<Configuration>/<tfm>/ -> the CrashWriter's output beside it.
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        string tfm = baseDirectory.Name;
        string configuration = baseDirectory.Parent!.Name;
        string testsDirectory = baseDirectory.Parent.Parent!.Parent!.Parent!.FullName;
        string dll = Path.Combine(testsDirectory, "PostureStream.Storage.CrashWriter", "bin", configuration, tfm, "PostureStream.Storage.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/PostureStream.Storage.CrashWriter");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("migrate");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(chunkRows.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start)!;
    }

    /// <summary>Keeps every report, synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Recorder(List<StoreOpenProgress> reports) : IProgress<StoreOpenProgress>
    {
        public void Report(StoreOpenProgress value) => reports.Add(value);
    }
}
