using PostureStream.Cli.Configuration;

namespace PostureStream.Cli.Commands;

/// <summary><c>--wearer NAME --lumbar URI --pelvis URI [--buzzer URI]</c>: the first three together, or none.</summary>
internal static class WearerOption
{
    /// <summary>The wearer given on the command line, or null when none was.</summary>
    /// <exception cref="ConfigurationException">Only some of the three options were given.</exception>
    public static WearerSettings? Read(string? name, string? lumbar, string? pelvis, string? buzzer = null)
    {
        if (name is null && lumbar is null && pelvis is null)
        {
            return buzzer is null ? null : throw new ConfigurationException("--buzzer belongs to a wearer: give --wearer NAME --lumbar URI --pelvis URI --buzzer URI");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConfigurationException("--lumbar and --pelvis belong to a wearer: give --wearer NAME --lumbar URI --pelvis URI");
        }

        if (string.IsNullOrWhiteSpace(lumbar) || string.IsNullOrWhiteSpace(pelvis))
        {
            throw new ConfigurationException($"--wearer {name} needs both sensors: --lumbar URI --pelvis URI (e.g. witmotion-serial:/dev/ttyUSB0, witmotion-ble:AA:BB:CC:DD:EE:FF, file:CAPTURE)");
        }

        return new WearerSettings { Name = name, Lumbar = lumbar, Pelvis = pelvis, Buzzer = buzzer };
    }
}
