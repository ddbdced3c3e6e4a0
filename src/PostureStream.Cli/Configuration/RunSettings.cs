using PostureStream.Cli.Run;
using PostureStream.Signals;
using PostureStream.Signals.Detection;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// Everything <c>run</c> can be told, bound from the JSON file, <c>POSTURESTREAM__…</c> variables and
/// options (<see cref="ConfigurationLoader"/>). Section names are the property names.
/// </summary>
public sealed class RunSettings
{
    /// <summary>The sources; each is its own device pipeline.</summary>
    public List<SourceSettings> Sources { get; set; } = [];

    /// <summary>Wearers of two WitMotion sensors; each is one device pipeline.</summary>
    public List<WearerSettings> Wearers { get; set; } = [];

    /// <summary>Store URIs; none means the embedded SQLite file in <see cref="DataDirectory"/>.</summary>
    public List<string> Stores { get; set; } = [];

    /// <summary><c>--device-name</c>: the display name when there is exactly one source.</summary>
    public string? DeviceName { get; set; }

    /// <summary><c>--alerts-out FILE|-</c>: the alerts as JSON Lines.</summary>
    public string? AlertsOut { get; set; }

    /// <summary><c>--notify</c>: alerts that would buzz also become desktop notifications (the terminal bell without a desktop).</summary>
    public bool Notify { get; set; }

    /// <summary>Where the dashboard listens. Default http://127.0.0.1:5080.</summary>
    public string Dashboard { get; set; } = "http://127.0.0.1:5080";

    public bool NoDashboard { get; set; }

    /// <summary><c>--token-file FILE</c>: its first line is the token every dashboard request must carry (required off loopback).</summary>
    public string? DashboardTokenFile { get; set; }

    public bool Quiet { get; set; }

    /// <summary>Calibration, spool and the default SQLite file live here. Default: see <see cref="DefaultDataDirectory"/>.</summary>
    public string? DataDirectory { get; set; }

    public BuzzSettings Buzz { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();

    public CalibrationOptions Calibration { get; set; } = new();

    public LowPassOptions LowPass { get; set; } = new();

    /// <summary>The data directory, resolved: --data-dir, else the platform's default (<see cref="DefaultDataDirectory"/>).</summary>
    public string ResolveDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory.Resolve() : Path.GetFullPath(DataDirectory);

    /// <summary>A wearer's buzzer is a live PSP device: a capture file cannot buzz.</summary>
    private static void CheckBuzzer(string? buzzer)
    {
        if (buzzer is null)
        {
            return;
        }

        PostureStream.Devices.Sources.SourceSpec spec;
        try
        {
            spec = PostureStream.Devices.Sources.SourceUri.Parse(buzzer);
        }
        catch (PostureStream.Devices.Sources.SourceUriException e)
        {
            throw new ConfigurationException($"--buzzer {buzzer}: {e.Message}", e);
        }

        if (spec.Transport == PostureStream.Vocabulary.Transport.File)
        {
            throw new ConfigurationException($"--buzzer {buzzer}: a capture file cannot buzz; give a live PSP device, serial:PORT, tcp://HOST:PORT or ble:ADDRESS");
        }
    }

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first bad value and what would be valid.</summary>
    public void Validate()
    {
        if (Sources.Count == 0 && Wearers.Count == 0)
        {
            throw new ConfigurationException("no source: give --source URI (e.g. serial:/dev/ttyUSB0, sim:quick-demo, file:capture.psp), --wearer NAME --lumbar URI --pelvis URI, or list Sources or Wearers in --config");
        }

        for (int i = 0; i < Wearers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Wearers[i].Lumbar) || string.IsNullOrWhiteSpace(Wearers[i].Pelvis))
            {
                throw new ConfigurationException($"Wearers:{i} needs both Lumbar and Pelvis sensor URIs (e.g. witmotion-serial:/dev/ttyUSB0, witmotion-ble:AA:BB:CC:DD:EE:FF)");
            }

            CheckBuzzer(Wearers[i].Buzzer);
        }

        for (int i = 0; i < Sources.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Sources[i].Uri))
            {
                throw new ConfigurationException($"Sources:{i}:Uri is empty; give a source URI such as serial:/dev/ttyUSB0");
            }
        }

        try
        {
            Buzz.Validate();
            Detection.Validate();
            Calibration.Validate();
            LowPass.Validate();
            foreach (SourceSettings source in Sources)
            {
                source.DetectionFor(Detection).Validate();
            }
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
    }
}

/// <summary>One source and what may differ per wearer.</summary>
public sealed class SourceSettings
{
    public string Uri { get; set; } = "";

    /// <summary>Display name (the same as <c>name=</c> on the URI, which wins).</summary>
    public string? Name { get; set; }

    /// <summary>Thresholds while standing for this wearer; null = the shared ones.</summary>
    public EpisodeThresholds? Standing { get; set; }

    /// <summary>Thresholds while sitting for this wearer; null = the shared ones.</summary>
    public EpisodeThresholds? Sitting { get; set; }

    /// <summary>The shared detection rules with this wearer's thresholds.</summary>
    public DetectionOptions DetectionFor(DetectionOptions shared)
    {
        if (Standing is null && Sitting is null)
        {
            return shared;
        }

        DetectionOptions own = shared.Clone();
        own.Standing = Standing ?? shared.Standing;
        own.Sitting = Sitting ?? shared.Sitting;
        return own;
    }
}
