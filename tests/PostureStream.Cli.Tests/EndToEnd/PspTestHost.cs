using System.Diagnostics;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// The test speaking PSP to a device over a serial port itself (where <c>posturestream run</c> would): it sends
/// commands with the seq it chooses (so it can repeat one, as the host's retry does), keeps every byte the device
/// sent, and decodes them as they come. Frames of types this decoder does not know (RAW, until the host reads it)
/// are only in <see cref="Received"/>, which <see cref="DumpWithReferenceDecoder"/> decodes with the C codec.
/// </summary>
internal sealed class PspTestHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IDeviceLink _link;
    private readonly PspStreamDecoder _decoder = new();
    private readonly List<PspMessage> _messages = [];
    private readonly MemoryStream _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private PspTestHost(IDeviceLink link)
    {
        _link = link;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>How many messages have been decoded so far: a mark to wait for the ones after it.</summary>
    public int Count
    {
        get
        {
            lock (_messages)
            {
                return _messages.Count;
            }
        }
    }

    public byte[] Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    public static PspTestHost Open(string path) => new(SerialLinkOpener.Open(path, 115200, SerialDrivers.Default));

    public async Task SendAsync(PspMessage command, ushort seq) =>
        await _link.WriteAsync(PspEncoder.Encode(command with { Seq = seq }), _stop.Token);

    /// <summary>The first <typeparamref name="T"/> decoded after <paramref name="mark"/> that matches.</summary>
    public async Task<T> NextAsync<T>(int mark, Func<T, bool>? match = null)
        where T : PspMessage
    {
        T? found = null;
        await Poll.UntilAsync(() => (found = Find(mark, match)) is not null, Patience, $"a {typeof(T).Name} after message {mark}");
        return found!;
    }

    /// <summary>The ACK of the command with <paramref name="seq"/>, decoded after <paramref name="mark"/>.</summary>
    public Task<AckMessage> AckAsync(int mark, ushort seq) => NextAsync<AckMessage>(mark, a => a.AckedSeq == seq);

    /// <summary>Everything received, in the reference C decoder's canonical text (firmware-protocol/SPEC.md, test vectors).</summary>
    public string[] DumpWithReferenceDecoder(string workFile)
    {
        string dump = Environment.GetEnvironmentVariable("PSP_DUMP") ?? RepoPaths.Combine("build", "firmware-protocol", "psp_dump");
        Assert.True(File.Exists(dump), $"the C tool psp_dump is not built at {dump}: run tools/test.sh (it builds firmware-protocol first)");
        File.WriteAllBytes(workFile, Received);
        using var process = Process.Start(new ProcessStartInfo(dump, workFile) { RedirectStandardOutput = true })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
            // stopped while reading
        }

        await _link.DisposeAsync();
        _stop.Dispose();
        _received.Dispose();
    }

    private T? Find<T>(int mark, Func<T, bool>? match)
        where T : PspMessage
    {
        lock (_messages)
        {
            return _messages.Skip(mark).OfType<T>().FirstOrDefault(m => match is null || match(m));
        }
    }

    private async Task ReadLoopAsync()
    {
        byte[] buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            int n = await _link.ReadAsync(buffer, _stop.Token);
            if (n == 0)
            {
                return;
            }

            lock (_received)
            {
                _received.Write(buffer, 0, n);
            }

            Decode(buffer.AsSpan(0, n));
        }
    }

    private void Decode(ReadOnlySpan<byte> bytes)
    {
        while (_decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            PspMessage message = frame.ToMessage();
            lock (_messages)
            {
                _messages.Add(message);
            }
        }
    }
}
