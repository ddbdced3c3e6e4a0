namespace PostureStream.Signals.Detection;

/// <summary>
/// Bending quality for one device (Detection README): follows a forward bend from the first sample whose
/// lumbar_flexion passes the bending threshold until neither that nor the debounced bending activity
/// holds, and keeps its peaks. A bend that never became the bending activity (shorter than the
/// debounce) is not reported.
/// </summary>
/// <remarks>
/// Trunk flexion is taken as lumbar_flexion + pelvic rotation (forward pelvic_tilt, ≥ 0), the split
/// the Detection README names: lumbar share = lumbar / (lumbar + pelvic) at the sample where that sum peaks.
/// </remarks>
internal struct BendTracker
{
    private long _startMicros;
    private long _lastBentMicros;
    private long _peakMicros;
    private DateTime _peakUtc;
    private double _peakLumbar;
    private double _peakPelvic;
    private double _peakTrunk;
    private double _shareAtPeak;
    private bool _inBend;
    private bool _confirmed;

    /// <summary>One sample; returns true when a confirmed bend just ended (read it with <see cref="ToEvent"/>).</summary>
    public bool Update(in PostureInput s, bool bent, bool bendingActivity)
    {
        if (bent)
        {
            double pelvic = double.IsNaN(s.PelvicTilt) ? 0 : Math.Max(0, s.PelvicTilt);
            double lumbar = s.LumbarFlexion;
            double trunk = lumbar + pelvic;
            if (!_inBend)
            {
                _inBend = true;
                _confirmed = false;
                _startMicros = s.DeviceMicros;
                _peakLumbar = lumbar;
                _peakPelvic = pelvic;
                _peakTrunk = double.NegativeInfinity;
            }

            _lastBentMicros = s.DeviceMicros;
            _peakLumbar = Math.Max(_peakLumbar, lumbar);
            _peakPelvic = Math.Max(_peakPelvic, pelvic);
            if (trunk > _peakTrunk)
            {
                _peakTrunk = trunk;
                _shareAtPeak = lumbar / trunk;
                _peakMicros = s.DeviceMicros;
                _peakUtc = s.Utc;
            }
        }

        if (!_inBend)
        {
            return false;
        }

        _confirmed |= bendingActivity;
        return !bent && !bendingActivity && Finish();
    }

    /// <summary>Ends a bend in progress (gap, end of stream); true when it is worth reporting.</summary>
    public bool Finish()
    {
        bool report = _inBend && _confirmed;
        _inBend = false;
        return report;
    }

    public readonly BendEvent ToEvent(DeviceIdentity device, double lumbarDominantShare) => new(
        device,
        _peakUtc,
        _peakMicros,
        TimeSpan.FromMicroseconds(_lastBentMicros - _startMicros),
        _peakLumbar,
        _peakPelvic,
        Math.Clamp(_shareAtPeak, 0, 1),
        _shareAtPeak > lumbarDominantShare);
}
