using System.Threading.Channels;
using PostureStream.Devices.Links;
using PostureStream.Protocol;

namespace PostureStream.Devices.Tests.Support;

/// <summary>
/// The test's side of a link, playing a PSP device: it decodes every frame the host sends (kept in
/// <see cref="Received"/>) and sends device frames with its own seq counter. It answers nothing by itself.
/// </summary>
internal sealed class ScriptedDevice : IAsyncDisposable
{
    private readonly IDeviceLink _link;
    private readonly Channel<PspMessage> _incoming = Channel.CreateUnbounded<PspMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly List<PspMessage> _received = [];

    public ScriptedDevice(IDeviceLink link, ushort firstSeq = 0)
    {
        _link = link;
        NextSeq = firstSeq;
        _reader = Task.Run(ReadLoopAsync);
    }

    public ushort NextSeq { get; set; }

    /// <summary>Every frame the host has sent so far.</summary>
    public IReadOnlyList<PspMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The next host frame of type <typeparamref name="T"/>, skipping others.</summary>
    public async Task<T> ExpectAsync<T>()
        where T : PspMessage
    {
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        while (true)
        {
            PspMessage message = await _incoming.Reader.ReadAsync(timeout.Token);
            if (message is T wanted)
            {
                return wanted;
            }
        }
    }

    /// <summary>Answers IDENTIFY with <paramref name="hello"/> and ACKs START, as firmware does on connect.</summary>
    public async Task AnswerHandshakeAsync(HelloMessage hello)
    {
        await ExpectAsync<IdentifyMessage>();
        await SendAsync(hello);
        StartMessage start = await ExpectAsync<StartMessage>();
        await AckAsync(start);
    }

    public Task AckAsync(PspMessage command, AckResult result = AckResult.Ok) =>
        SendAsync(new AckMessage(command.Seq, command.Type, result));

    public async Task SendAsync(PspMessage message) => await _link.WriteAsync(Frame(message), CancellationToken.None);

    /// <summary>Encodes <paramref name="message"/> with the next device seq, without sending it.</summary>
    public byte[] Frame(PspMessage message) => PspEncoder.Encode(message with { Seq = NextSeq++ });

    public async Task SendSamplesAsync(uint firstTick, int frames, int perFrame = 4, uint stepMicros = 10_000)
    {
        for (int f = 0; f < frames; f++)
        {
            await SendAsync(Samples(firstTick + (uint)(f * perFrame * stepMicros), perFrame, stepMicros));
        }
    }

    public static SamplesMessage Samples(uint firstTick, int count, uint stepMicros = 10_000) =>
        new([.. Enumerable.Range(0, count).Select(i => new Sample(firstTick + (uint)(i * stepMicros), (short)(100 + i), -50, (short)(1200 + i), 25))]);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var decoder = new PspStreamDecoder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                int read = await _link.ReadAsync(buffer, _stop.Token);
                Publish(decoder, buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or LinkLostException or ObjectDisposedException)
        {
            _incoming.Writer.TryComplete();
        }
    }

    private void Publish(PspStreamDecoder decoder, ReadOnlySpan<byte> bytes)
    {
        while (decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            PspMessage message = frame.ToMessage();
            lock (_received)
            {
                _received.Add(message);
            }

            _incoming.Writer.TryWrite(message);
        }
    }
}
