namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// When each sample reaches the host (see <see cref="WitMotionLinkProfile"/>): a sample is ready 1 ms after it is
/// taken, leaves at the next connection event (events one connection interval apart from a random phase), and the
/// event's burst arrives a uniform 0–jitter later — never before an earlier burst (the host reads in order).
/// A dropped sample still advances the model, as a lost notification does.
/// </summary>
internal sealed class ArrivalModel
{
    private const double ReadyAfterMicroseconds = 1000;

    private readonly WitMotionLinkProfile _link;
    private readonly Random _random;
    private readonly double _firstEvent;
    private readonly double _interval;
    private long _event = long.MinValue;
    private double _eventArrival;
    private double _lastArrival;

    public ArrivalModel(WitMotionLinkProfile link, Random random)
    {
        _link = link;
        _random = random;
        _interval = DrawInterval();
        _firstEvent = random.NextDouble() * _interval;
    }

    /// <summary>The connection interval in force, µs.</summary>
    public double IntervalMicroseconds => _interval;

    /// <summary>Arrival time (µs) of a sample taken at <paramref name="sampleMicroseconds"/>, and whether it was lost.</summary>
    public (long Arrival, bool Lost) Next(double sampleMicroseconds)
    {
        double ready = sampleMicroseconds + ReadyAfterMicroseconds;
        long eventNumber = (long)Math.Ceiling((ready - _firstEvent) / _interval);
        if (eventNumber != _event)
        {
            _event = eventNumber;
            double eventTime = _firstEvent + (eventNumber * _interval);
            _eventArrival = Math.Max(_lastArrival, eventTime + (_random.NextDouble() * _link.Jitter.TotalMicroseconds));
        }

        _lastArrival = _eventArrival;
        bool lost = _random.NextDouble() < _link.LossRate;
        return ((long)Math.Round(_eventArrival), lost);
    }

    private double DrawInterval()
    {
        double min = _link.ConnectionIntervalMin.TotalMicroseconds;
        double max = _link.ConnectionIntervalMax.TotalMicroseconds;
        return min + (_random.NextDouble() * (max - min));
    }
}
