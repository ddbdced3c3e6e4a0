using PostureStream.Protocol;

namespace PostureStream.Simulation.Tests;

/// <summary>Decodes a capture into messages, keeping the decoder's counts.</summary>
internal sealed class CaptureDecoding
{
    private CaptureDecoding(List<PspMessage> messages, PspDecoderStats stats)
    {
        Messages = messages;
        Stats = stats;
    }

    public List<PspMessage> Messages { get; }

    public PspDecoderStats Stats { get; }

    public long Errors => Stats.CobsErrors + Stats.CrcErrors + Stats.OtherErrors + Stats.UnknownTypes;

    public static CaptureDecoding Decode(ReadOnlySpan<byte> bytes)
    {
        var decoder = new PspStreamDecoder();
        var messages = new List<PspMessage>();
        while (decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            messages.Add(frame.ToMessage());
        }

        return new CaptureDecoding(messages, decoder.Stats);
    }

    /// <summary>Every sample with its tick unwrapped the way the host does it (from the first tick).</summary>
    public IEnumerable<(long Us, Sample Sample)> UnwrappedSamples()
    {
        long? unwrapped = null;
        uint last = 0;
        foreach (SamplesMessage frame in Messages.OfType<SamplesMessage>())
        {
            foreach (Sample s in frame.Samples)
            {
                unwrapped = unwrapped is null ? s.TickMicroseconds : unwrapped.Value + unchecked(s.TickMicroseconds - last);
                last = s.TickMicroseconds;
                yield return (unwrapped.Value, s);
            }
        }
    }
}
