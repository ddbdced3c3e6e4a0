using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>Turns running totals into per-interval counts by subtracting the previous snapshot.</summary>
internal sealed class LinkStatsCounter
{
    private readonly Transport _transport;
    private PspDecoderStats _lastDecoder;
    private long _lastSamples;
    private long _lastReconnects;
    private DateTimeOffset _intervalStart;

    public LinkStatsCounter(Transport transport, DateTimeOffset start)
    {
        _transport = transport;
        _intervalStart = start;
    }

    public LinkStats Take(PspDecoderStats decoder, long samples, long reconnects, uint? lastTick, DateTimeOffset now)
    {
        PspDecoderStats d = decoder - _lastDecoder;
        var stats = new LinkStats(
            _transport,
            _intervalStart,
            now - _intervalStart,
            d.Frames,
            samples - _lastSamples,
            d.CrcErrors,
            d.CobsErrors,
            d.OtherErrors,
            d.LostFrames,
            d.Resyncs,
            reconnects - _lastReconnects,
            lastTick);
        _lastDecoder = decoder;
        _lastSamples = samples;
        _lastReconnects = reconnects;
        _intervalStart = now;
        return stats;
    }
}
