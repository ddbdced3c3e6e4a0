using PostureStream.Signals.Wearers;
using PostureStream.Testing;

namespace PostureStream.Signals.Tests.Wearers;

public sealed class CalibrationFileTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANeutralsFileWithoutVersion_LoadsUnchanged_AndIsRewrittenAsVersion1()
    {
        using var dir = new TempDirectory();
        var store = new JsonFileCalibrationStore(dir.Path);
        // As written before files carried a version.
        File.WriteAllText(store.PathFor(7), """
            { "deviceId": 7, "standing": { "angles": { "lumbarPitchDegrees": 4.25, "lumbarRollDegrees": -0.5, "pelvisPitchDegrees": 14.75, "pelvisRollDegrees": 1.125 },
              "takenAt": "2026-02-03T04:05:06+00:00", "source": "command" }, "sitting": null, "stale": "none" }
            """);
        CalibrationRecord? record = store.Load(7);
        Assert.NotNull(record);
        Assert.Equal(new SensorAngles(4.25, -0.5, 14.75, 1.125), record.Standing!.Angles);

        store.Save(record);
        Assert.Contains("\"version\": 1", File.ReadAllText(store.PathFor(7)), StringComparison.Ordinal);
        Assert.Equal(record, store.Load(7));
        Assert.Equal(0, store.CorruptFiles);
    }

    [Fact]
    public void ANeutralsFileOfANewerVersion_IsRefusedWithAMessage_AndNeverOverwritten()
    {
        using var dir = new TempDirectory();
        var store = new JsonFileCalibrationStore(dir.Path);
        string newer = """{ "version": 2, "deviceId": 7, "standing": null, "sitting": null, "stale": "none", "somethingNew": [1, 2] }""";
        File.WriteAllText(store.PathFor(7), newer);

        var refused = Assert.Throws<CalibrationVersionException>(() => store.Load(7));
        Assert.Contains("version 2", refused.Message, StringComparison.Ordinal);
        Assert.Contains(store.PathFor(7), refused.Message, StringComparison.Ordinal);
        Assert.Throws<CalibrationVersionException>(() => store.Save(new CalibrationRecord(7, null, null, StaleReason.None)));
        Assert.Equal(newer, File.ReadAllText(store.PathFor(7)));
        Assert.Equal(0, store.CorruptFiles);
    }

    [Fact]
    public void AnAlignment_RoundTrips_PerSensor_AndANewerVersionIsRefused()
    {
        using var dir = new TempDirectory();
        var store = new SensorAlignmentStore(dir.Path);
        var alignment = new SensorAlignment(new Vector3D(0.1, 0.2, 0.97), new Vector3D(0, 1, -0.2));
        store.Save(new SensorAlignmentRecord("AA:BB:CC:DD:EE:01", alignment, At, Stale: false));

        SensorAlignmentRecord? loaded = store.Load("AA:BB:CC:DD:EE:01");
        Assert.NotNull(loaded);
        Assert.True(Vector3D.AngleDegrees(alignment.NeutralUp, loaded.Alignment.NeutralUp) < 1e-9);
        Assert.True(Vector3D.AngleDegrees(alignment.Mediolateral, loaded.Alignment.Mediolateral) < 1e-9);
        Assert.Equal(At, loaded.TakenAt);
        Assert.Null(store.Load("AA:BB:CC:DD:EE:02"));

        File.WriteAllText(store.PathFor("AA:BB:CC:DD:EE:01"), """{ "version": 3 }""");
        Assert.Throws<CalibrationVersionException>(() => store.Load("AA:BB:CC:DD:EE:01"));
        Assert.Throws<CalibrationVersionException>(() => store.Save(new SensorAlignmentRecord("AA:BB:CC:DD:EE:01", alignment, At, false)));
    }

    [Fact]
    public void WearerId_IsStable_AndDependsOnBothSensorsAndTheirPlaces()
    {
        ulong id = WearerIdentity.DeviceId("AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:02");
        Assert.Equal(id, WearerIdentity.DeviceId("AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:02"));
        Assert.NotEqual(id, WearerIdentity.DeviceId("AA:BB:CC:DD:EE:02", "AA:BB:CC:DD:EE:01"));
        Assert.NotEqual(id, WearerIdentity.DeviceId("AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:03"));
        // FNV-1a 64 of "wearer\nAA:BB:CC:DD:EE:01\nAA:BB:CC:DD:EE:02", pinned so the id never changes between versions.
        Assert.Equal(id, Fnv("wearer\nAA:BB:CC:DD:EE:01\nAA:BB:CC:DD:EE:02"));
        Assert.StartsWith("wearer-", WearerIdentity.For(null, "a", "b").Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, -0.8, 0.4, 2.0, new WearerSegment[0])]
    [InlineData(12, 0, 0.4, 2.0, new[] { WearerSegment.Lumbar })]
    [InlineData(1, 1, -6, 7, new[] { WearerSegment.Pelvis })]
    public void AStandingNeutralFarFromZero_MarksThatSensorMoved(double lumbarPitch, double lumbarRoll, double pelvisPitch, double pelvisRoll, WearerSegment[] moved) =>
        Assert.Equal(moved, MountingCheck.Moved(new SensorAngles(lumbarPitch, lumbarRoll, pelvisPitch, pelvisRoll), 8));

    private static ulong Fnv(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }
}
