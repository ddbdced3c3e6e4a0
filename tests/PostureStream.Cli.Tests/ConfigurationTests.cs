using PostureStream.Cli.Configuration;

namespace PostureStream.Cli.Tests;

[Collection(ProcessState.Collection)]
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("posturestream-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string json)
    {
        string path = Path.Combine(_dir, "config.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Options_OverrideTheEnvironment_WhichOverridesTheFile()
    {
        string path = File("""{ "Buzz": { "Intensity": 10 }, "DeviceName": "from-file", "AlertsOut": "file.jsonl", "Sources": [ { "Uri": "serial:/dev/ttyUSB0", "Name": "alice" } ] }""");
        Environment.SetEnvironmentVariable("POSTURESTREAM__Buzz__Intensity", "20");
        Environment.SetEnvironmentVariable("POSTURESTREAM__DeviceName", "from-env");
        try
        {
            var overrides = new Dictionary<string, string?> { ["DeviceName"] = "from-option" };
            RunSettings settings = SettingsBinder.Bind(ConfigurationLoader.Load(path, overrides), [], []);

            Assert.Equal(20, settings.Buzz.Intensity);
            Assert.Equal("from-option", settings.DeviceName);
            Assert.Equal("file.jsonl", settings.AlertsOut);
            Assert.Equal("alice", Assert.Single(settings.Sources).Name);
        }
        finally
        {
            Environment.SetEnvironmentVariable("POSTURESTREAM__Buzz__Intensity", null);
            Environment.SetEnvironmentVariable("POSTURESTREAM__DeviceName", null);
        }
    }

    [Fact]
    public void SourcesGivenAsOptions_ReplaceTheFileList()
    {
        string path = File("""{ "Sources": [ { "Uri": "serial:/dev/ttyUSB0" }, { "Uri": "serial:/dev/ttyUSB1" } ] }""");
        RunSettings settings = SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), ["sim:quick-demo"], []);
        Assert.Equal("sim:quick-demo", Assert.Single(settings.Sources).Uri);
    }

    [Fact]
    public void Wearers_AreAConfigurationKey_AndNeedBothSensors()
    {
        string path = File("""{ "Wearers": [ { "Name": "anna", "Lumbar": "witmotion-serial:/dev/ttyUSB0", "Pelvis": "witmotion-serial:/dev/ttyUSB1" } ] }""");
        RunSettings settings = SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), [], []);
        settings.Validate();
        Assert.Equal("witmotion-serial:/dev/ttyUSB1", Assert.Single(settings.Wearers).Pelvis);

        path = File("""{ "Wearers": [ { "Name": "anna", "Lumbar": "witmotion-serial:/dev/ttyUSB0" } ] }""");
        settings = SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), [], []);
        var error = Assert.Throws<ConfigurationException>(settings.Validate);
        Assert.Contains("Wearers:0 needs both Lumbar and Pelvis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerWearerThresholds_ApplyToThatSourceOnly()
    {
        string path = File("""{ "Sources": [ { "Uri": "sim:quick-demo", "Sitting": { "FlatteningStart": -14, "FlatteningEnd": -9, "HyperextensionStart": 8, "HyperextensionEnd": 5 } } ] }""");
        RunSettings settings = SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), [], []);
        settings.Validate();

        Assert.Equal(-14, settings.Sources[0].DetectionFor(settings.Detection).Sitting.FlatteningStart);
        Assert.Equal(-10, settings.Detection.Sitting.FlatteningStart);
    }

    [Fact]
    public void UnknownKey_IsAnError()
    {
        string path = File("""{ "Buz": { "Intensity": 10 } }""");
        Assert.Throws<ConfigurationException>(() => SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), [], []));
    }

    [Fact]
    public void PrintConfig_MasksTokensAndPasswords()
    {
        var settings = new RunSettings
        {
            Sources = [new SourceSettings { Uri = "sim:quick-demo" }],
            Stores = ["influxdb-v2:http://127.0.0.1:8086?org=o&bucket=b&token=s3cr3t", "influxdb-v1:http://127.0.0.1:8086?db=d&user=u&password=hunter2"],
        };
        string printed = SettingsPrinter.Print(settings);

        Assert.DoesNotContain("s3cr3t", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", printed, StringComparison.Ordinal);
        Assert.Contains("token=***", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConfigFile_NamesIt()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(Path.Combine(_dir, "nope.json"), new Dictionary<string, string?>()));
        Assert.Contains("nope.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_NamesTheKeyTheFileAndWhatIsValid()
    {
        string path = File("""{ "Detection": { "SustainTme": "00:02:00" } }""");
        var e = Assert.Throws<ConfigurationException>(() => SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), [], []));

        Assert.StartsWith($"--config '{path}': unknown key 'Detection:SustainTme'; did you mean 'SustainTime'? valid keys in Detection: ActivityDebounce,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyInAVariable_NamesTheVariable()
    {
        Environment.SetEnvironmentVariable("POSTURESTREAM__Buzz__Intensty", "20");
        try
        {
            var e = Assert.Throws<ConfigurationException>(() => SettingsBinder.Bind(ConfigurationLoader.Load(null, new Dictionary<string, string?>()), [], []));

            Assert.StartsWith("environment variable POSTURESTREAM__Buzz__Intensty: unknown key 'Buzz:Intensty'; did you mean 'Intensity'?", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("POSTURESTREAM__Buzz__Intensty", null);
        }
    }

    [Theory]
    [InlineData("""{ "Buzz": { "Intensity": 300 } }""", "Buzz:Intensity '300' is not a whole number from 0 to 255")]
    [InlineData("""{ "Buzz": { "Pattern": "Triple" } }""", "Buzz:Pattern 'Triple' is not one of Short, Double, Long")]
    [InlineData("""{ "Detection": { "SustainTime": "a minute" } }""", "Detection:SustainTime 'a minute' is not a duration as [d.]hh:mm:ss[.fff]")]
    [InlineData("""{ "Quiet": "yes" }""", "Quiet 'yes' is not true or false")]
    [InlineData("""{ "Detection": { "QuietHoursTimeZone": "Mars/Base" } }""", "Detection:QuietHoursTimeZone 'Mars/Base' is not a time zone this machine knows")]
    [InlineData("""{ "Sources": { "Uri": "sim:quick-demo" } }""", "'Sources:Uri' is not a position in the list Sources")]
    public void BadValue_NamesTheKeyTheValueAndWhatIsValid(string json, string expected)
    {
        string path = File(json);
        var e = Assert.Throws<ConfigurationException>(() => SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), [], []));

        Assert.StartsWith($"--config '{path}': {expected}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietHoursTimeZone_IsReadFromItsId()
    {
        string path = File("""{ "Detection": { "QuietHoursStart": "22:00", "QuietHoursEnd": "07:00", "QuietHoursTimeZone": "Europe/Berlin" } }""");
        RunSettings settings = SettingsBinder.Bind(ConfigurationLoader.Load(path, new Dictionary<string, string?>()), ["sim:quick-demo"], []);

        Assert.Equal("Europe/Berlin", settings.Detection.QuietHoursTimeZone.Id);
        Assert.Contains("\"QuietHoursTimeZone\": \"Europe/Berlin\"", SettingsPrinter.Print(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void PrintConfig_MasksThePasswordOfUserInfo()
    {
        var settings = new RunSettings
        {
            Sources = [new SourceSettings { Uri = "tcp://wearer:hunter2@127.0.0.1:7000" }],
            Stores = ["influxdb-v1:http://admin:s3cr3t@127.0.0.1:8086/prefix?db=d", "influxdb-v2:https://user:p@ss@influx.example:8086?org=o&bucket=b"],
        };
        string printed = SettingsPrinter.Print(settings);

        Assert.DoesNotContain("hunter2", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", printed, StringComparison.Ordinal);
        Assert.Contains("tcp://wearer:***@127.0.0.1:7000", printed, StringComparison.Ordinal);
        Assert.Contains("influxdb-v1:http://admin:***@127.0.0.1:8086/prefix?db=d", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretMask_LeavesUrlsWithoutAPasswordAlone()
    {
        Assert.Equal("influxdb-v2:http://127.0.0.1:8086?org=o&bucket=b", SecretMask.Uri("influxdb-v2:http://127.0.0.1:8086?org=o&bucket=b"));
        Assert.Equal("tcp://wearer@127.0.0.1:7000", SecretMask.Uri("tcp://wearer@127.0.0.1:7000"));
        Assert.Equal("file:capture.psp?start=2026-03-01T08:00:00Z", SecretMask.Uri("file:capture.psp?start=2026-03-01T08:00:00Z"));
    }

    [Fact]
    public void PrintConfig_WithoutStore_ShowsTheSqliteFileRunWrites()
    {
        var settings = new RunSettings { Sources = [new SourceSettings { Uri = "sim:quick-demo" }], DataDirectory = Path.Combine(_dir, "data") };

        Assert.Contains($"\"sqlite:{Path.Combine(_dir, "data", "posturestream.db")}\"", SettingsPrinter.Print(settings), StringComparison.Ordinal);
    }
}
