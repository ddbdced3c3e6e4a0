namespace PostureStream.Signals.Tests;

public sealed class CalibrationStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ps-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void JsonStore_RoundTripsARecord_AndLeavesNoTemporaryFiles()
    {
        var store = new JsonFileCalibrationStore(directory);
        var record = new CalibrationRecord(
            0xFEEDFACE00000001,
            new Neutral(new SensorAngles(4.25, -0.5, 14.75, 1.125), new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero), CalibrationSource.DeviceButton),
            null,
            StaleReason.LongGap);

        store.Save(record);
        store.Save(record with { Stale = StaleReason.DeviceReset });

        Assert.Equal(record with { Stale = StaleReason.DeviceReset }, new JsonFileCalibrationStore(directory).Load(record.DeviceId));
        Assert.Equal(["calibration-feedface00000001.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Assert.Contains("\"deviceButton\"", File.ReadAllText(store.PathFor(record.DeviceId)), StringComparison.Ordinal);
    }

    /// <summary>
    /// The file's bytes are a contract (users and older versions read them): this text was written by the
    /// reflection-based serializer before the metadata became source-generated for Native AOT, plus the
    /// leading file version that versioned calibration files carry (files without it still load).
    /// </summary>
    [Fact]
    public void JsonStore_WritesTheSameBytesAsBefore_AndReadsThemBack()
    {
        var store = new JsonFileCalibrationStore(directory);
        var record = new CalibrationRecord(
            0xFEEDFACE00000001,
            new Neutral(new SensorAngles(4.25, -0.5, 14.75, 1.125), new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.FromHours(1)), CalibrationSource.DeviceButton),
            new Neutral(new SensorAngles(-3.1, 0.2, -20.0625, 0), new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero), CalibrationSource.Command),
            StaleReason.SensorReinitialised);

        store.Save(record);

        Assert.Equal(
            """
            {
              "version": 1,
              "deviceId": 18369614217784328193,
              "standing": {
                "angles": {
                  "lumbarPitchDegrees": 4.25,
                  "lumbarRollDegrees": -0.5,
                  "pelvisPitchDegrees": 14.75,
                  "pelvisRollDegrees": 1.125,
                  "lordosisDegrees": 10.5
                },
                "takenAt": "2026-02-03T04:05:06+01:00",
                "source": "deviceButton"
              },
              "sitting": {
                "angles": {
                  "lumbarPitchDegrees": -3.1,
                  "lumbarRollDegrees": 0.2,
                  "pelvisPitchDegrees": -20.0625,
                  "pelvisRollDegrees": 0,
                  "lordosisDegrees": -16.9625
                },
                "takenAt": "2026-02-03T04:05:06.789+00:00",
                "source": "command"
              },
              "stale": "sensorReinitialised"
            }
            """,
            File.ReadAllText(store.PathFor(record.DeviceId)).Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(record, store.Load(record.DeviceId));
    }

    [Fact]
    public void JsonStore_CorruptOrForeignFile_ReadsAsNoneAndIsCounted()
    {
        var store = new JsonFileCalibrationStore(directory);
        Directory.CreateDirectory(directory);
        File.WriteAllText(store.PathFor(1), "{ not json");
        store.Save(new CalibrationRecord(2, null, null, StaleReason.None));
        File.Copy(store.PathFor(2), store.PathFor(3));

        Assert.Null(store.Load(1));
        Assert.Null(store.Load(3));
        Assert.Null(store.Load(4));
        Assert.Equal(2, store.CorruptFiles);
    }

    [Fact]
    public void JsonStore_ListsTheSavedDevices_AndDeletesOne()
    {
        var store = new JsonFileCalibrationStore(directory);
        Assert.Empty(store.SavedDeviceIds());
        store.Save(new CalibrationRecord(0xcafe0001, null, null, StaleReason.None));
        store.Save(new CalibrationRecord(0x10, null, null, StaleReason.None));
        File.WriteAllText(Path.Combine(directory, "calibration-notanid.json"), "{}");
        File.WriteAllText(Path.Combine(directory, "notes.json"), "{}");

        Assert.Equal([0x10UL, 0xcafe0001UL], store.SavedDeviceIds());
        Assert.True(store.Delete(0x10));
        Assert.False(store.Delete(0x10));
        Assert.Equal([0xcafe0001UL], store.SavedDeviceIds());
        Assert.Null(store.Load(0x10));
    }
}
