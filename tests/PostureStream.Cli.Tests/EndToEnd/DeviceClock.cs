namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Maps the UTC stamps of a <c>clock=device&amp;start=S</c> run back to unwrapped device µs, the time base of the
/// ground truth and the buzz log: a sample is stamped S plus the device time elapsed since the first sample,
/// whose device time is the truth's <c>firstUs</c>.
/// </summary>
internal readonly record struct DeviceClock(DateTimeOffset Start, long FirstMicroseconds)
{
    public long ToDevice(DateTimeOffset utc) => FirstMicroseconds + (long)(utc - Start).TotalMicroseconds;

    public long ToDevice(long unixNanoseconds) => FirstMicroseconds + ((unixNanoseconds - (Start.ToUnixTimeMilliseconds() * 1_000_000)) / 1000);
}
