namespace PostureStream.Simulation.Truth;

/// <summary>An alert a correct detector must emit, due at a sample's device time.</summary>
/// <param name="Kind">flattening or hyperextension.</param>
/// <param name="Phase">raised, reminder or cleared.</param>
/// <param name="DeviceMicroseconds">Unwrapped device time of the sample it is due at.</param>
public sealed record TruthAlert(
    string Kind,
    string Phase,
    long DeviceMicroseconds,
    uint Tick,
    long EpisodeStartMicroseconds,
    double DurationSeconds,
    double PeakDeltaDegrees,
    string Activity);

/// <summary>A device-time span; for quiet spans the reason no alert may be raised or reminded in it.</summary>
public sealed record TruthSpan(string Reason, long StartMicroseconds, long EndMicroseconds);

/// <summary>A segment as the scenario intends it.</summary>
public sealed record TruthSegment(
    int Index,
    string Kind,
    string Activity,
    string Posture,
    long StartMicroseconds,
    long EndMicroseconds,
    double StartSeconds,
    double EndSeconds,
    double TransitionSeconds,
    double PelvicTiltDegrees,
    double LordosisDeltaDegrees,
    double LumbarFlexionDegrees);

/// <summary>An EVENT the device sent (or tried to: <paramref name="Lost"/> when the link lost it).</summary>
public sealed record TruthEvent(int Code, string Name, long DeviceMicroseconds, uint Tick, bool Lost);

/// <summary>A forward bend at its peak, with the bending-quality figures (Detection README).</summary>
public sealed record TruthBend(
    int Segment,
    long StartMicroseconds,
    long EndMicroseconds,
    double PeakLumbarFlexionDegrees,
    double PeakPelvicRotationDegrees,
    double LumbarShare,
    bool LumbarDominant);
