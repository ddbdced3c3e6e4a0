using PostureStream.Signals.Detection;

namespace PostureStream.Signals.Pipeline;

/// <summary>
/// The working buffers of one batch through a <see cref="DeviceChain"/>, kept per thread rather than per device: a
/// process with 10,000 devices holds one set per feeding thread, not 10,000 (state per device stays small). Rented
/// for the length of one batch; a chain fed re-entrantly from a sink simply gets a fresh set.
/// </summary>
internal sealed class ChainScratch
{
    [ThreadStatic]
    private static ChainScratch? cached;

    private ChainScratch(int length)
    {
        Samples = new PostureSample[length];
        Inputs = new PostureInput[length];
    }

    public PostureSample[] Samples { get; }

    public PostureInput[] Inputs { get; }

    /// <summary>A set with room for <paramref name="length"/> samples; give it back with <see cref="Return"/>.</summary>
    public static ChainScratch Rent(int length)
    {
        ChainScratch? scratch = cached;
        cached = null;
        return scratch is not null && scratch.Samples.Length >= length ? scratch : new ChainScratch(Math.Max(length, 16));
    }

    public static void Return(ChainScratch scratch) => cached = scratch;
}
