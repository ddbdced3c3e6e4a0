using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests;

/// <summary>Points of every measurement with every field set (a programme is stamped at its start date, 00:00 UTC).</summary>
internal static class SamplePoints
{
    /// <param name="withProgramme">
    /// Also a <c>programme</c> point, stamped at 00:00 UTC of <paramref name="time"/>'s date (so outside most test ranges, and
    /// one per device and day): for tests of every measurement's values and types.
    /// </param>
    public static IReadOnlyList<IStoredPoint> OneOfEach(DeviceSeries device, DateTime time, int variant = 0, bool withProgramme = false) =>
        withProgramme ? [.. Timed(device, time, variant), Programme(device, time, variant)] : Timed(device, time, variant);

    public static ProgrammeRecord Programme(DeviceSeries device, DateTime time, int variant) =>
        new(device, 1 + variant, "Hamstrings \"long\", daily", ExerciseKind.Stretch, "hamstrings,hip flexors",
            DateOnly.FromDateTime(time), DateOnly.FromDateTime(time).AddDays(41), 3);

    private static IReadOnlyList<IStoredPoint> Timed(DeviceSeries device, DateTime time, int variant) =>
    [
        new PostureRecord(device, time, 1.25 + variant, -0.5, 12.01, 0.1 / 3, -3.5, 40.125, -10.75, Activity.Sitting, PostureState.Flattened),
        new PostureAlertRecord(device, time, AlertKind.Flattening, AlertPhase.Raised, time.AddMinutes(-1), 60.5, -12.25, Activity.Standing, true),
        new PostureSummaryRecord(device, time, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1.5, -2.5, 3.5, 0.25, -0.75, 8.125, 600 + variant, 2),
        new PostureBendRecord(device, time, 2.5, 55.5, 20.25, 0.73, true),
        new DeviceStatusRecord(device, time, 3987, 87, 31.25, false, true, false),
        new LinkStatsRecord(device, time, Transport.Serial, 1000, 16000, 1, 2, 3, 4, 5, 6 + variant),
        new PostureNeutralRecord(device, time, Activity.Standing, CalibrationMethod.AfterWalking, -4.25, 0.5, 11.75 + variant, -0.125),
        new ProgrammeSessionRecord(device, time, 1 + variant, TimeSpan.FromMinutes(20.5), "felt tight, = ok", SessionSource.Cli),
    ];

    /// <summary>Only the points of the measurements a version-1 file has.</summary>
    public static IEnumerable<IStoredPoint> Version1Only(IEnumerable<IStoredPoint> points) =>
        points.Where(p => PostureStream.Storage.Sqlite.SqliteMigrations.Version1Measurements.Contains(p.Measurement));
}
