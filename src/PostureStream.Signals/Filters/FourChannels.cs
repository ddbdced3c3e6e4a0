using System.Runtime.CompilerServices;

namespace PostureStream.Signals;

/// <summary>Per-channel filter state for the four channels, inline (no arrays per device).</summary>
[InlineArray(4)]
internal struct FourChannels<T>
    where T : struct
{
    private T element;
}
