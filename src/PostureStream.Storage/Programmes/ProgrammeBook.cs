using System.Globalization;
using PostureStream.Storage.Points;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Programmes;

/// <summary>
/// Records programmes and sessions: the one place that numbers programmes, checks what is asked against what is
/// stored, and finds a wearer's current programme (for the device's "session done" button). Used by the CLI, the
/// dashboard and <c>run</c>. It reads through <paramref name="queries"/> and writes to <paramref name="store"/>; it
/// does not flush (the CLI does before it exits; a running pipeline's store delivers on its own).
/// </summary>
/// <param name="zone">The zone whose calendar a programme's dates are in.</param>
public sealed class ProgrammeBook(IProgrammeQueries queries, IPointStore store, TimeZoneInfo zone)
{
    /// <summary>A session's length when the device's button gives none (EVENT arg 0).</summary>
    public static readonly TimeSpan DefaultSessionDuration = TimeSpan.FromMinutes(20);

    /// <summary>The longest session accepted: longer is a typo (minutes for seconds) more likely than a session.</summary>
    public static readonly TimeSpan MaxSessionDuration = TimeSpan.FromHours(12);

    public TimeZoneInfo Zone => zone;

    /// <summary>Records a new programme and returns it with its id (one more than the highest in the store).</summary>
    public async Task<ProgrammeRow> AddAsync(
        DeviceSeries device, string name, ExerciseKind kind, IReadOnlyList<string> targets, DateOnly start, DateOnly? end, int sessionsPerWeek, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(targets);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ProgrammeException("--name is empty; give the programme a name, e.g. --name \"hamstring stretches\"");
        }

        if (targets.Any(t => t.Contains(',', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(t)))
        {
            throw new ProgrammeException($"target muscles '{string.Join(",", targets)}' are not valid: give names separated by commas, e.g. \"hamstrings,hip flexors\"");
        }

        if (end is DateOnly last && last < start)
        {
            throw new ProgrammeException($"--end {Date(last)} is before --start {Date(start)}");
        }

        if (sessionsPerWeek is < 0 or > 50)
        {
            throw new ProgrammeException($"--per-week {sessionsPerWeek} is not valid; give the planned sessions per week, 0 to 50");
        }

        var existing = await queries.ProgrammesAsync(null, cancellationToken).ConfigureAwait(false);
        if (existing.FirstOrDefault(p => p.DeviceId == device.DeviceIdHex && p.Kind == kind && p.Start == start) is { } same)
        {
            // Same device, kind and start are the same stored point: a second one would overwrite the first.
            throw new ProgrammeException(
                $"device {device.DeviceIdHex} already has a {VocabularyText.ToText(kind)} programme starting {Date(start)} (programme {same.ProgrammeId}, \"{same.Name}\"); end or change that one, or start this one on another day");
        }

        long id = existing.Count == 0 ? 1 : existing.Max(p => p.ProgrammeId) + 1;
        var record = new ProgrammeRecord(device, id, name.Trim(), kind, string.Join(",", targets.Select(t => t.Trim())), start, end, sessionsPerWeek);
        store.Write(record);
        return ToRow(record);
    }

    /// <summary>Ends programme <paramref name="programmeId"/> on <paramref name="end"/> (its last day, inclusive).</summary>
    public async Task<ProgrammeRow> EndAsync(long programmeId, DateOnly end, CancellationToken cancellationToken)
    {
        var programme = await FindAsync(programmeId, cancellationToken).ConfigureAwait(false);
        if (end < programme.Start)
        {
            throw new ProgrammeException($"--end {Date(end)} is before programme {programmeId}'s start {Date(programme.Start)}");
        }

        var record = new ProgrammeRecord(
            Series(programme), programme.ProgrammeId, programme.Name, programme.Kind, string.Join(",", programme.Targets), programme.Start, end, programme.SessionsPerWeek);
        store.Write(record);
        return ToRow(record);
    }

    /// <summary>Records one session of programme <paramref name="programmeId"/>, done at <paramref name="timeUtc"/>.</summary>
    public async Task<SessionRow> RecordSessionAsync(
        long programmeId, DateTime timeUtc, TimeSpan duration, string? note, SessionSource source, CancellationToken cancellationToken)
    {
        var programme = await FindAsync(programmeId, cancellationToken).ConfigureAwait(false);
        return RecordSession(programme, timeUtc, duration, note, source);
    }

    /// <summary>Records one session of <paramref name="programme"/> (as read or just added), done at <paramref name="timeUtc"/>.</summary>
    public SessionRow RecordSession(ProgrammeRow programme, DateTime timeUtc, TimeSpan duration, string? note, SessionSource source)
    {
        ArgumentNullException.ThrowIfNull(programme);
        CheckDuration(duration);
        long programmeId = programme.ProgrammeId;
        var day = TrendCalendar.LocalDate(timeUtc, zone);
        if (day < programme.Start || (programme.End is DateOnly end && day > end))
        {
            throw new ProgrammeException(
                $"programme {programmeId} runs {Date(programme.Start)} to {(programme.End is DateOnly e ? Date(e) : "(open)")}; a session on {Date(day)} is outside it (give --at within it)");
        }

        return Write(Series(programme), programme.ProgrammeId, timeUtc, duration, note, source);
    }

    /// <summary>
    /// The device's button: a session of the wearer's current programme (the one running on that day; of several, the
    /// latest started). Null when the device has no programme running then.
    /// </summary>
    public async Task<SessionRow?> RecordForDeviceAsync(DeviceSeries device, DateTime timeUtc, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        CheckDuration(duration);
        var programmes = await queries.ProgrammesAsync(device.DeviceIdHex, cancellationToken).ConfigureAwait(false);
        return Current(programmes, device.DeviceIdHex, TrendCalendar.LocalDate(timeUtc, zone)) is { } programme
            ? Write(device, programme.ProgrammeId, timeUtc, duration, null, SessionSource.Device)
            : null;
    }

    /// <summary>The programme of <paramref name="deviceId"/> running on <paramref name="day"/> (the latest started), or null.</summary>
    public static ProgrammeRow? Current(IEnumerable<ProgrammeRow> programmes, string deviceId, DateOnly day) =>
        programmes
            .Where(p => p.DeviceId == deviceId && p.Start <= day && (p.End is not DateOnly end || day <= end))
            .OrderByDescending(p => p.Start)
            .ThenByDescending(p => p.ProgrammeId)
            .FirstOrDefault();

    private SessionRow Write(DeviceSeries device, long programmeId, DateTime timeUtc, TimeSpan duration, string? note, SessionSource source)
    {
        string? text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        store.Write(new ProgrammeSessionRecord(device, timeUtc, programmeId, duration, text, source));
        return new SessionRow(timeUtc, device.DeviceIdHex, device.Name, programmeId, duration, text, source);
    }

    private async Task<ProgrammeRow> FindAsync(long programmeId, CancellationToken cancellationToken)
    {
        var all = await queries.ProgrammesAsync(null, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(p => p.ProgrammeId == programmeId)
            ?? throw new ProgrammeException(
                $"there is no programme {programmeId}; {(all.Count == 0 ? "none is recorded yet (add one with 'posturestream programme add')" : "recorded: " + string.Join(", ", all.Select(p => $"{p.ProgrammeId} (\"{p.Name}\", {p.Device})")))}");
    }

    private static void CheckDuration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration > MaxSessionDuration)
        {
            throw new ProgrammeException($"a session of {duration} is not valid; give more than 0 and at most {MaxSessionDuration.TotalHours:0} h, e.g. 20m");
        }
    }

    private static DeviceSeries Series(ProgrammeRow programme) =>
        new(programme.Device, ulong.Parse(programme.DeviceId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

    private static ProgrammeRow ToRow(ProgrammeRecord r) => new(
        r.Device.DeviceIdHex, r.Device.Name, r.ProgrammeId, r.Name, r.Kind,
        [.. r.Targets.Split(',', StringSplitOptions.RemoveEmptyEntries)], r.Start, r.End, r.SessionsPerWeek);

    private static string Date(DateOnly date) => date.ToString(ProgrammeRecord.DateFormat, CultureInfo.InvariantCulture);
}
