using Microsoft.Extensions.Configuration;

namespace PostureStream.Cli.Configuration;

/// <summary>Binds the effective configuration onto <see cref="RunSettings"/>.</summary>
public static class SettingsBinder
{
    /// <summary>
    /// Binds <paramref name="configuration"/>; sources and stores given as options replace the lists of
    /// the file and the environment rather than merging into them index by index.
    /// </summary>
    /// <exception cref="ConfigurationException">An unknown key or a value that does not read as its setting's type.</exception>
    public static RunSettings Bind(IConfiguration configuration, IReadOnlyList<string> optionSources, IReadOnlyList<string> optionStores)
    {
        TimeZoneIdConverter.Register();
        ConfigurationKeyCheck.Check(configuration, typeof(RunSettings));
        var settings = new RunSettings();
        try
        {
            configuration.Bind(settings, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"configuration: {e.Message}", e);
        }

        if (optionSources.Count > 0)
        {
            settings.Sources = [.. optionSources.Select(uri => new SourceSettings { Uri = uri })];
        }

        if (optionStores.Count > 0)
        {
            settings.Stores = [.. optionStores];
        }

        return settings;
    }
}
