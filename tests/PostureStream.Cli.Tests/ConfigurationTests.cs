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
}
