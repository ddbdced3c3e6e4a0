using PostureStream.Testing;
using System.Runtime.InteropServices;
using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Sources;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests;

/// <summary>
/// <c>file:</c> on a named pipe (mkfifo): the session starts without a writer, stops at once when disposed
/// (SIGTERM in <c>run</c>) whether no writer came or the writer is idle, and ends when the writer closes.
/// </summary>
public sealed partial class NamedPipeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _fifo;

    public NamedPipeTests()
    {
        _fifo = _dir.Sub("capture.fifo");
        Assert.True(MakeFifo(_fifo, 0x180) == 0, $"mkfifo failed: errno {Marshal.GetLastPInvokeError()}"); // 0600
    }

    [Fact]
    public async Task NoWriterYet_StartsAndStopsWhenDisposed()
    {
        var session = new DeviceSession(new CaptureFileConnector(_fifo, ReplaySpeed.Max));
        using var events = new EventRecorder(session);

        // Run elsewhere so that a start blocked on the pipe fails the test instead of hanging it.
        await Task.Run(() => session.StartAsync(CancellationToken.None)).WaitAsync(LinkExtensions.Patience);
        await Task.Run(async () => await session.DisposeAsync()).WaitAsync(LinkExtensions.Patience);
        await events.Completed;

        Assert.IsType<LinkStatsReported>(Assert.Single(events.All, e => e is not DeviceIdentified));
    }

    [Fact]
    public async Task IdleWriter_DataFlows_AndDisposeStillStops()
    {
        var session = new DeviceSession(new CaptureFileConnector(_fifo, ReplaySpeed.Max));
        using var events = new EventRecorder(session);
        await Task.Run(() => session.StartAsync(CancellationToken.None)).WaitAsync(LinkExtensions.Patience);
        await using FileStream writer = await OpenWriterAsync();

        await WriteFramesAsync(writer, 3);
        await events.NextAsync<SamplesReceived>();
        await events.NextAsync<SamplesReceived>();
        await events.NextAsync<SamplesReceived>();
        // The writer stays open and says nothing more.
        await Task.Run(async () => await session.DisposeAsync()).WaitAsync(LinkExtensions.Patience);
        await events.Completed;

        Assert.Equal("pipe", events.All.OfType<DeviceIdentified>().Single().Identity.DisplayName);
    }

    [Fact]
    public async Task WriterCloses_EndsTheSource()
    {
        await using var session = new DeviceSession(new CaptureFileConnector(_fifo, ReplaySpeed.Max));
        using var events = new EventRecorder(session);
        await Task.Run(() => session.StartAsync(CancellationToken.None)).WaitAsync(LinkExtensions.Patience);

        await using (FileStream writer = await OpenWriterAsync())
        {
            await WriteFramesAsync(writer, 5);
        }

        await session.Completion.WaitAsync(LinkExtensions.Patience);
        await events.Completed;

        Assert.Equal(5, events.All.OfType<SamplesReceived>().Count());
    }

    public void Dispose() => _dir.Dispose();

    private async Task<FileStream> OpenWriterAsync() =>
        await Task.Run(() => new FileStream(_fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1)).WaitAsync(LinkExtensions.Patience);

    private static async Task WriteFramesAsync(FileStream writer, int samplesFrames)
    {
        await writer.WriteAsync(PspEncoder.Encode(new HelloMessage(0xF1F0, 1, 0, 0, 100, SensorMask.Both, "pipe") { Seq = 0 }));
        for (int i = 0; i < samplesFrames; i++)
        {
            await writer.WriteAsync(PspEncoder.Encode(ScriptedDevice.Samples((uint)(i * 40_000), 4) with { Seq = (ushort)(i + 1) }));
        }

        await writer.FlushAsync();
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);
}
