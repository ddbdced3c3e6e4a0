using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests;

/// <summary>Points of all six measurements with every field set.</summary>
internal static class SamplePoints
{
    public static IReadOnlyList<IStoredPoint> OneOfEach(DeviceSeries device, DateTime time, int variant = 0) =>
    [
        new PostureRecord(device, time, 1.25 + variant, -0.5, 12.01, 0.1 / 3, -3.5, 40.125, -10.75, Activity.Sitting, PostureState.Flattened),
        new PostureAlertRecord(device, time, AlertKind.Flattening, AlertPhase.Raised, time.AddMinutes(-1), 60.5, -12.25, Activity.Standing, true),
        new PostureSummaryRecord(device, time, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1.5, -2.5, 3.5, 0.25, -0.75, 8.125, 600 + variant, 2),
        new PostureBendRecord(device, time, 2.5, 55.5, 20.25, 0.73, true),
        new DeviceStatusRecord(device, time, 3987, 87, 31.25, false, true, false),
        new LinkStatsRecord(device, time, Transport.Serial, 1000, 16000, 1, 2, 3, 4, 5, 6 + variant),
    ];
}
