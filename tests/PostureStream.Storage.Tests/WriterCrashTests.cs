using System.Diagnostics;
using System.Globalization;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests;

/// <summary>A writer process killed with SIGKILL mid-stream loses nothing it had persisted: the restart sends it.</summary>
[Collection(InfluxdCollection.Name)]
public sealed class WriterCrashTests(InfluxdFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WriterKilledMidStream_RestartSendsEveryPersistedPoint()
    {
        var server = fixture.Server;
        await server.CreateDatabaseAsync("crash");
        string store = server.StoreUri("v1", "crash", "ms");
        string spool = _dir.Sub("spool");

        long lastPersisted = -1;
        using (var writer = StartChild("write", store, spool))
        {
            using var deadline = new CancellationTokenSource(Patience);
            while (lastPersisted < 1499)
            {
                string? line = await writer.StandardOutput.ReadLineAsync(deadline.Token)
                    ?? throw new InvalidOperationException($"the writer exited early: {await writer.StandardError.ReadToEndAsync()}");
                lastPersisted = Math.Max(lastPersisted, ParsePersisted(line));
            }

            writer.Kill();
            // Lines it printed before the kill are promises too.
            while (await writer.StandardOutput.ReadLineAsync(deadline.Token) is string line)
            {
                lastPersisted = Math.Max(lastPersisted, ParsePersisted(line));
            }

            await writer.WaitForExitAsync(deadline.Token);
        }

        using (var drain = StartChild("drain", store, spool))
        {
            using var deadline = new CancellationTokenSource(Patience);
            string output = await drain.StandardOutput.ReadToEndAsync(deadline.Token);
            await drain.WaitForExitAsync(deadline.Token);
            Assert.True(drain.ExitCode == 0, $"drain exited {drain.ExitCode}: {output} {await drain.StandardError.ReadToEndAsync()}");
            Assert.Contains("drained", output, StringComparison.Ordinal);
        }

        var count = await server.QueryAsync("crash", $"SELECT COUNT(\"lumbar_pitch\"), SUM(\"lumbar_pitch\") FROM \"posture\" WHERE \"lumbar_pitch\" <= {lastPersisted}");
        var values = count.GetProperty("series")[0].GetProperty("values")[0];
        Assert.Equal(lastPersisted + 1, values[1].GetInt64());
        Assert.Equal(lastPersisted * (lastPersisted + 1) / 2.0, values[2].GetDouble());
    }

    private static long ParsePersisted(string line) =>
        line.StartsWith("persisted ", StringComparison.Ordinal) ? long.Parse(line["persisted ".Length..], CultureInfo.InvariantCulture) : -1;

    private static Process StartChild(string mode, string store, string spool)
    {
        // tests/PostureStream.Storage.Tests/bin/<Configuration>/<tfm>/ -> the CrashWriter's output beside it.
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        string tfm = baseDirectory.Name;
        string configuration = baseDirectory.Parent!.Name;
        string testsDirectory = baseDirectory.Parent.Parent!.Parent!.Parent!.FullName;
        string dll = Path.Combine(testsDirectory, "PostureStream.Storage.CrashWriter", "bin", configuration, tfm, "PostureStream.Storage.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/PostureStream.Storage.CrashWriter");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(store);
        start.ArgumentList.Add(spool);
        return Process.Start(start)!;
    }
}
