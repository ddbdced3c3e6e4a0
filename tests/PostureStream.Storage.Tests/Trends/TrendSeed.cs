using PostureStream.Storage.Points;
using PostureStream.Storage.Schema;
using PostureStream.Vocabulary;

namespace PostureStream.Storage.Tests.Trends;

/// <summary>
/// Eleven days of data for two devices across both 2026 DST ends (Berlin 25 Oct, New York 1 Nov):
/// a posture_summary every 2 minutes (some minutes without angles), sparse posture points,
/// alerts, bends, statuses and link stats. Deterministic.
/// </summary>
internal static class TrendSeed
{
    public static readonly DateTime Start = new(2026, 10, 23, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DeviceSeries Anna = new("Anna", 0x00000000000000a1);
    public static readonly DeviceSeries Baerbel = new("Bärbel belt", 0x00000000000000b2);

    public static IReadOnlyList<IStoredPoint> Points()
    {
        var random = new Random(42);
        var points = new List<IStoredPoint>();
        foreach (var device in (DeviceSeries[])[Anna, Baerbel])
        {
            for (var minute = Start; minute < End; minute = minute.AddMinutes(2))
            {
                bool noAngles = random.Next(17) == 0;
                double Tilt() => noAngles ? double.NaN : Math.Round((random.NextDouble() * 30) - 10, 3);
                double mean = Tilt(), min = noAngles ? double.NaN : mean - random.NextDouble() * 5, max = noAngles ? double.NaN : mean + random.NextDouble() * 5;
                double lordosis = Tilt();
                double neutral = Math.Round(random.NextDouble() * 40, 1);
                double flattened = Math.Round((60 - neutral) * random.NextDouble(), 1);
                points.Add(new PostureSummaryRecord(device, minute,
                    neutral, flattened, 60 - neutral - flattened, 0,
                    Math.Round(random.NextDouble() * 30, 1), Math.Round(random.NextDouble() * 30, 1), 0, random.Next(3), 0,
                    mean, min, max, lordosis, lordosis - 3, lordosis + 4,
                    noAngles ? 0 : 400 + random.Next(200), random.Next(2)));

                if (minute.Minute % 10 == 0)
                {
                    points.Add(new PostureRecord(device, minute.AddSeconds(7), 1, 2, 3, 4, mean, 6, lordosis, Activity.Standing, PostureState.Neutral));
                }

                if (minute.Minute == 0)
                {
                    points.Add(new DeviceStatusRecord(device, minute, 3700 + random.Next(500), random.Next(5) == 0 ? null : random.Next(101), 30 + random.NextDouble(), random.Next(2) == 0, false, random.Next(9) == 0));
                    points.Add(new LinkStatsRecord(device, minute, device == Anna ? Transport.Serial : Transport.Ble, 1000, 16000, random.Next(3), 0, 0, random.Next(2), 0, 0));

                    // A sensor link's status (no battery), newer than the battery's: the latest status must not be it.
                    points.Add(DeviceStatusRecord.LinkFault(device, minute.AddSeconds(30), BodySegment.Pelvis, fault: true));
                }

                if (random.Next(300) == 0)
                {
                    var at = minute.AddMilliseconds(random.Next(120_000));
                    points.Add(new PostureAlertRecord(device, at, random.Next(2) == 0 ? AlertKind.Flattening : AlertKind.Hyperextension,
                        (AlertPhase)random.Next(3), at.AddSeconds(-random.Next(60, 900)), 60 + random.NextDouble() * 500, -12 + random.NextDouble(), Activity.Sitting, random.Next(2) == 0));
                }

                if (random.Next(150) == 0)
                {
                    double share = random.NextDouble();
                    points.Add(new PostureBendRecord(device, minute.AddMilliseconds(random.Next(120_000)), 1 + random.NextDouble() * 3, 35 + random.NextDouble() * 30, random.NextDouble() * 40, share, share > 0.6));
                }
            }
        }

        return points;
    }
}
