namespace PostureStream.Signals.Wearers;

/// <summary>
/// How late, above the stream's floor, samples usually arrive: the 90th percentile of the last 512 residuals × 1.1,
/// refreshed every 64 — about the largest delay of a spread that is roughly even over a connection interval, yet
/// blind to the few samples whose place is still wrong (up to 10 %), which would otherwise widen it and hide the
/// next loss. Under BLE batching the delay is spread over a connection interval plus the host's jitter;
/// a sample later than that has been given too low an index: a sample before it was lost.
/// </summary>
internal sealed class DelaySpread
{
    private const int Window = 512;
    private const int RefreshEvery = 64;
    private const double Quantile = 0.90;
    private const double Margin = 1.1;

    private readonly double[] _residuals = new double[Window];
    private readonly double[] _sorted = new double[Window];
    private int _count;
    private int _next;
    private int _sinceRefresh;

    /// <summary>The usual largest residual, µs; +∞ until 64 residuals are known (no loss is inferred before).</summary>
    public double Upper { get; private set; } = double.PositiveInfinity;

    public void Add(double residualMicroseconds)
    {
        _residuals[_next] = residualMicroseconds;
        _next = (_next + 1) % Window;
        _count = Math.Min(_count + 1, Window);
        if (++_sinceRefresh >= RefreshEvery)
        {
            _sinceRefresh = 0;
            Array.Copy(_residuals, _sorted, _count);
            Array.Sort(_sorted, 0, _count);
            Upper = Margin * _sorted[(int)Math.Min(_count - 1, Math.Round(Quantile * (_count - 1)))];
        }
    }
}
