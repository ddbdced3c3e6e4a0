namespace PostureStream.Analysis;

/// <summary>What a programme works on: release of the tight side, stretching it, or strengthening the weak side.</summary>
public enum ProgrammeKind
{
    Release,
    Stretch,
    Strengthen,
}

/// <summary>An exercise programme of one wearer (device id), from its start to its optional end (local dates, inclusive).</summary>
public sealed record Programme(
    string DeviceId,
    string Name,
    ProgrammeKind Kind,
    IReadOnlyList<string> TargetMuscles,
    DateOnly Start,
    DateOnly? End,
    int PlannedSessionsPerWeek)
{
    /// <summary>The stored programme's id (<c>programme_id</c>); 0 for one that was never stored.</summary>
    public long Id { get; init; }
}

/// <summary>One exercise session done, when and for how long, with an optional note.</summary>
public sealed record ProgrammeSession(string DeviceId, DateTime TimeUtc, TimeSpan Duration, string? Note)
{
    /// <summary>The stored programme it belongs to (<c>programme_id</c>); 0 when unknown (then any programme of the device).</summary>
    public long ProgrammeId { get; init; }
}

/// <summary>Sessions done against sessions planned in one programme week (week 1 starts on the programme's first day).</summary>
public sealed record AdherenceWeek(int Week, DateOnly Start, int Done, int Planned)
{
    /// <summary>Done over planned (may exceed 1); null when none were planned.</summary>
    public double? Ratio => Planned > 0 ? (double)Done / Planned : null;
}
