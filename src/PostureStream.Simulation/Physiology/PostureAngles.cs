namespace PostureStream.Simulation.Physiology;

/// <summary>
/// The four angles the device reports, in degrees, with the sign conventions of Signals README, angles: pitch positive when
/// the top of the sensor tilts forward, roll positive when it tilts to the wearer's right.
/// </summary>
public readonly record struct PostureAngles(double LumbarPitch, double LumbarRoll, double PelvisPitch, double PelvisRoll)
{
    /// <summary>pelvis pitch − lumbar pitch: larger is more arched.</summary>
    public double Lordosis => PelvisPitch - LumbarPitch;

    public static PostureAngles operator +(PostureAngles a, PostureAngles b) =>
        new(a.LumbarPitch + b.LumbarPitch, a.LumbarRoll + b.LumbarRoll, a.PelvisPitch + b.PelvisPitch, a.PelvisRoll + b.PelvisRoll);

    public static PostureAngles operator -(PostureAngles a, PostureAngles b) =>
        new(a.LumbarPitch - b.LumbarPitch, a.LumbarRoll - b.LumbarRoll, a.PelvisPitch - b.PelvisPitch, a.PelvisRoll - b.PelvisRoll);

    public static PostureAngles operator *(PostureAngles a, double k) =>
        new(a.LumbarPitch * k, a.LumbarRoll * k, a.PelvisPitch * k, a.PelvisRoll * k);

    /// <summary>From <paramref name="from"/> toward <paramref name="to"/> by weight <paramref name="w"/> (0–1).</summary>
    public static PostureAngles Blend(PostureAngles from, PostureAngles to, double w) => from + ((to - from) * w);

    /// <summary>A pitch-only offset: the pelvis by <paramref name="pelvis"/>, the lumbar sensor so that lordosis changes by <paramref name="lordosis"/>.</summary>
    public static PostureAngles PitchOffset(double pelvis, double lordosis) => new(pelvis - lordosis, 0, pelvis, 0);
}
