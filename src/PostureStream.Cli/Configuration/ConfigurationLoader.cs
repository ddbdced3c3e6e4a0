using Microsoft.Extensions.Configuration;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// Builds the effective configuration: the JSON file, then environment variables named
/// <c>POSTURESTREAM__Section__Key</c>, then command-line options — each overriding the one before.
/// </summary>
public static class ConfigurationLoader
{
    public const string EnvironmentPrefix = "POSTURESTREAM__";

    /// <exception cref="ConfigurationException">The file is missing or is not valid JSON.</exception>
    public static IConfigurationRoot Load(string? configFile, IReadOnlyDictionary<string, string?> optionOverrides)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            string path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new ConfigurationException($"--config: no such file '{configFile}' (give the path of a JSON configuration file; see tools/packaging/posturestream.example.json)");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddInMemoryCollection(optionOverrides);
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException($"--config: '{configFile}' is not valid JSON: {e.InnerException?.Message ?? e.Message}");
        }
        catch (FormatException e)
        {
            throw new ConfigurationException($"--config: '{configFile}' is not valid JSON: {e.Message}");
        }
    }
}
