using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using PostureStream.Cli.Run;
using PostureStream.Signals;
using PostureStream.Signals.Detection;

namespace PostureStream.Cli.Configuration;

/// <summary>Binds the effective configuration onto <see cref="RunSettings"/>.</summary>
public static class SettingsBinder
{
    /// <summary>
    /// Binds <paramref name="configuration"/>; sources and stores given as options replace the lists of
    /// the file and the environment rather than merging into them index by index.
    /// </summary>
    /// <exception cref="ConfigurationException">An unknown key or a value that does not read as its setting's type.</exception>
    /// <remarks>
    /// The binder works by reflection: its source generator cannot bind <see cref="TimeZoneInfo"/> (SYSLIB1100, and
    /// then none of <c>Detection</c>, SYSLIB1101). A Native AOT build keeps every member of the settings types (the
    /// dependencies below; a new settings class belongs there too) and their lists are concrete <see cref="List{T}"/>,
    /// so the binder needs no code generated at run time (the AOT smoke check binds and prints a full configuration).
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(RunSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(SourceSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(WearerSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<SourceSettings>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(BuzzSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(DetectionOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(EpisodeThresholds))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(CalibrationOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(LowPassOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(TimeZoneIdConverter))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every settings type is kept whole by the DynamicDependency attributes above.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The settings hold only concrete List<T> collections of kept types: nothing is instantiated generically at run time.")]
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
