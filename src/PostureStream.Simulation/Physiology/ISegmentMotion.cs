namespace PostureStream.Simulation.Physiology;

/// <summary>The intended posture through one segment, before the transition ramp and before sensor noise.</summary>
internal interface ISegmentMotion
{
    /// <summary>The posture <paramref name="seconds"/> after the segment starts (true time).</summary>
    PostureAngles At(double seconds);

    /// <summary>The posture the segment holds: its centre of oscillation, its bend's peak, its base between fidgets.</summary>
    PostureAngles Nominal { get; }
}

/// <summary>A held posture.</summary>
internal sealed class StaticMotion(PostureAngles posture) : ISegmentMotion
{
    public PostureAngles Nominal => posture;

    public PostureAngles At(double seconds) => posture;
}

/// <summary>
/// Gait: pelvis pitch oscillates once a step (the step frequency, about 1.9 Hz), the lumbar sensor
/// with a smaller amplitude and a phase lag; both rolls sway once a stride (half the step frequency).
/// </summary>
internal sealed class WalkingMotion : ISegmentMotion
{
    private readonly double _cadenceHz;
    private readonly double _pelvisAmplitude;
    private readonly double _lumbarAmplitude;
    private readonly double _rollAmplitude;
    private readonly double _phase;

    public WalkingMotion(PostureAngles centre, double cadenceHz, Random random)
    {
        Nominal = centre;
        _cadenceHz = cadenceHz;
        _pelvisAmplitude = random.Uniform(1.5, 2.5);
        _lumbarAmplitude = random.Uniform(0.8, 1.4);
        _rollAmplitude = random.Uniform(2.0, 3.5);
        _phase = random.Uniform(0, 2 * Math.PI);
    }

    public PostureAngles Nominal { get; }

    /// <summary>Steps per second: the simulated IMUs bounce at this frequency.</summary>
    internal double CadenceHz => _cadenceHz;

    /// <summary>The step phase at the segment's start, rad (the IMUs' bounce follows the same steps).</summary>
    internal double Phase => _phase;

    /// <summary>Phase of the step cycle, radians, <paramref name="seconds"/> into the segment (the body bounces once a step).</summary>
    public double StepPhase(double seconds) => (2 * Math.PI * _cadenceHz * seconds) + _phase;

    public PostureAngles At(double seconds)
    {
        double step = (2 * Math.PI * _cadenceHz * seconds) + _phase;
        double stride = step / 2;
        double pelvis = (_pelvisAmplitude * Math.Sin(step)) + (0.15 * _pelvisAmplitude * Math.Sin(2 * step));
        double lumbar = _lumbarAmplitude * Math.Sin(step - 0.6);
        return Nominal + new PostureAngles(lumbar, -0.6 * _rollAmplitude * Math.Sin(stride), pelvis, _rollAmplitude * Math.Sin(stride));
    }
}

/// <summary>A forward bend: a cosine ramp down, a hold at the peak, a ramp back up, within the segment.</summary>
internal sealed class BendMotion : ISegmentMotion
{
    private readonly PostureAngles _base;
    private readonly PostureAngles _peakOffset;
    private readonly double _duration;
    private readonly double _ramp;

    public BendMotion(PostureAngles @base, PostureAngles peakOffset, double durationSeconds)
    {
        _base = @base;
        _peakOffset = peakOffset;
        _duration = durationSeconds;
        _ramp = Math.Min(1.5, durationSeconds / 3);
    }

    public PostureAngles Nominal => _base + _peakOffset;

    public PostureAngles At(double seconds)
    {
        double envelope = seconds < _ramp ? Ramp.Cosine(seconds / _ramp)
            : seconds > _duration - _ramp ? Ramp.Cosine((_duration - seconds) / _ramp)
            : 1;
        return _base + (_peakOffset * envelope);
    }
}

/// <summary>A base posture with short bumps (fidgets, reaches) shaped sin² over their duration.</summary>
internal sealed class BumpMotion : ISegmentMotion
{
    private readonly (double Start, double Duration, PostureAngles Offset)[] _bumps;

    public BumpMotion(PostureAngles @base, IEnumerable<(double Start, double Duration, PostureAngles Offset)> bumps)
    {
        Nominal = @base;
        _bumps = bumps.ToArray();
    }

    public PostureAngles Nominal { get; }

    public PostureAngles At(double seconds)
    {
        PostureAngles posture = Nominal;
        foreach (var (start, duration, offset) in _bumps)
        {
            if (seconds > start && seconds < start + duration)
            {
                double s = Math.Sin(Math.PI * (seconds - start) / duration);
                posture += offset * (s * s);
            }
        }

        return posture;
    }
}

internal static class Ramp
{
    /// <summary>0 at 0, 1 at 1, smooth at both ends: (1 − cos πu) / 2.</summary>
    public static double Cosine(double u) => u <= 0 ? 0 : u >= 1 ? 1 : (1 - Math.Cos(Math.PI * u)) / 2;
}
