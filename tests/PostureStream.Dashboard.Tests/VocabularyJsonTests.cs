using System.Text.Json;
using PostureStream.Dashboard.Api;
using PostureStream.Dashboard.Live;
using PostureStream.Vocabulary;

namespace PostureStream.Dashboard.Tests;

/// <summary>The dashboard's JSON spells the shared vocabulary with the stores' table, and reads only those spellings.</summary>
public sealed class VocabularyJsonTests
{
    [Fact]
    public void LiveUpdate_SpellsVocabularyAsTheStoresDo()
    {
        var update = new LiveDeviceUpdate
        {
            DeviceId = "00000000000000ab",
            Device = "kitchen",
            TimeUtc = DateTime.UnixEpoch,
            Activity = Activity.Sitting,
            State = PostureState.SensorFault,
            EpisodeKind = AlertKind.Hyperextension,
            LastAlert = new LiveAlert(DateTime.UnixEpoch, AlertKind.Flattening, AlertPhase.Reminder, 1, 2, false),
            Link = new LinkHealth(true, Transport.Ble, 0, 0, 0),
        };

        string json = JsonSerializer.Serialize(update, DashboardJson.Options);

        Assert.Contains("\"activity\":\"sitting\"", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"sensor_fault\"", json, StringComparison.Ordinal);
        Assert.Contains("\"episodeKind\":\"hyperextension\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"flattening\",\"phase\":\"reminder\"", json, StringComparison.Ordinal);
        Assert.Contains("\"transport\":\"ble\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TakesTheStoredSpelling_AndRefusesOthers()
    {
        Assert.Equal(PostureState.SensorFault, JsonSerializer.Deserialize<PostureState>("\"sensor_fault\"", DashboardJson.Options));

        // A name-based enum converter would take these; the spelling table does not.
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PostureState>("\"SensorFault\"", DashboardJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PostureState>("4", DashboardJson.Options));
    }
}
