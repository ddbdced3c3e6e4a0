using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Programmes;

/// <summary>
/// The physiotherapist's records read back from any store: programmes, the sessions done, and the history of
/// neutrals. Answered the same way by SQLite and InfluxDB (<see cref="Stores.IStoreKind.OpenProgrammeQueries"/>).
/// </summary>
public interface IProgrammeQueries
{
    /// <summary>Every programme (of one device id, or of all when null), whatever its dates, by id.</summary>
    Task<IReadOnlyList<ProgrammeRow>> ProgrammesAsync(string? deviceId, CancellationToken cancellationToken);

    /// <summary>The sessions in the range, oldest first.</summary>
    Task<IReadOnlyList<SessionRow>> SessionsAsync(TrendQuery query, CancellationToken cancellationToken);

    /// <summary>The neutrals taken in the range (standing and sitting), oldest first.</summary>
    Task<IReadOnlyList<NeutralRow>> NeutralsAsync(TrendQuery query, CancellationToken cancellationToken);
}

/// <summary>A stored programme (<c>programme</c>); <see cref="Targets"/> split from the comma-separated field.</summary>
public sealed record ProgrammeRow(
    string DeviceId,
    string Device,
    long ProgrammeId,
    string Name,
    ExerciseKind Kind,
    IReadOnlyList<string> Targets,
    DateOnly Start,
    DateOnly? End,
    int SessionsPerWeek);

/// <summary>A stored session (<c>programme_session</c>).</summary>
public sealed record SessionRow(
    DateTime TimeUtc,
    string DeviceId,
    string Device,
    long ProgrammeId,
    TimeSpan Duration,
    string? Note,
    SessionSource Source);

/// <summary>A stored neutral (<c>posture_neutral</c>): the posture it is for (standing or sitting), how it was taken, and its angles in degrees.</summary>
public sealed record NeutralRow(
    DateTime TimeUtc,
    string DeviceId,
    string Device,
    Activity Posture,
    CalibrationMethod Method,
    double LumbarPitchDegrees,
    double LumbarRollDegrees,
    double PelvisPitchDegrees,
    double PelvisRollDegrees);
