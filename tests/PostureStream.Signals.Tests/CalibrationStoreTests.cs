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
