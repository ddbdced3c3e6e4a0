using System.Collections;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using PostureStream.Cli.Run;
using PostureStream.Signals;
using PostureStream.Signals.Detection;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// Reads every key of the effective configuration against the settings it binds to, before binding: an
/// unknown key (a typo) or a value that does not read as its setting's type is named with where it came from
/// — the file, a variable or an option — and what would be valid. The binder itself only names .NET types.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The settings types are kept by the DynamicDependency attributes of Check; their value types have intrinsic converters.")]
[UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "As above: the converters asked for are those of primitives, TimeSpan, TimeOnly, enums and TimeZoneInfo.")]
[UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "As above: the properties of every settings type are kept.")]
[UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above: the properties of every settings type are kept.")]
public static class ConfigurationKeyCheck
{
    /// <exception cref="ConfigurationException">The first unknown key or unreadable value.</exception>
    /// <remarks>
    /// It walks the settings by reflection. A trimmed (Native AOT) build keeps the properties of every settings type
    /// (the dependencies below; a new settings class belongs there too), and the values are the types whose converters
    /// TypeDescriptor knows without reflection (numbers, bool, TimeSpan, TimeOnly, enums, their nullables, and the
    /// registered TimeZoneInfo converter).
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(RunSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(SourceSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(WearerSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(BuzzSettings))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(DetectionOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(EpisodeThresholds))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(CalibrationOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(LowPassOptions))]
    public static void Check(IConfiguration configuration, Type settingsType)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach ((string key, string? value) in configuration.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Problem(key, value, settingsType) is { } problem)
            {
                throw new ConfigurationException($"{Origin(configuration, key)}: {problem}");
            }
        }
    }

    private static string? Problem(string key, string? value, Type type)
    {
        string[] segments = key.Split(ConfigurationPath.KeyDelimiter);
        for (int i = 0; i < segments.Length; i++)
        {
            string path = string.Join(ConfigurationPath.KeyDelimiter, segments[..(i + 1)]);
            if (ElementType(type) is { } element)
            {
                if (!int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return $"'{path}' is not a position in the list {string.Join(ConfigurationPath.KeyDelimiter, segments[..i])} (write the list as a JSON array)";
                }

                type = element;
                continue;
            }

            if (IsValue(type))
            {
                return $"'{string.Join(ConfigurationPath.KeyDelimiter, segments[..i])}' is a single value, not a section with '{segments[i]}' in it";
            }

            PropertyInfo[] settings = Settings(type);
            PropertyInfo? setting = settings.FirstOrDefault(p => string.Equals(p.Name, segments[i], StringComparison.OrdinalIgnoreCase));
            if (setting is null)
            {
                return UnknownKey(path, segments[i], settings, i == 0 ? null : string.Join(ConfigurationPath.KeyDelimiter, segments[..i]));
            }

            type = setting.PropertyType;
        }

        return value is null || !IsValue(type) || Reads(type, value) ? null : $"{key} '{value}' is not {Describe(type)}";
    }

    private static string UnknownKey(string path, string segment, PropertyInfo[] settings, string? section)
    {
        string? closest = settings.Select(p => p.Name).OrderBy(n => Distance(n, segment)).FirstOrDefault(n => Distance(n, segment) <= 2);
        string hint = closest is null ? string.Empty : $"did you mean '{closest}'? ";
        return $"unknown key '{path}'; {hint}valid {(section is null ? "keys" : "keys in " + section)}: {string.Join(", ", settings.Select(p => p.Name))}";
    }

    /// <summary>Where a key came from: the last provider that has it is the one whose value counts.</summary>
    private static string Origin(IConfiguration configuration, string key)
    {
        IConfigurationProvider? provider = (configuration as IConfigurationRoot)?.Providers.Reverse().FirstOrDefault(p => Holds(p, key));
        return provider switch
        {
            JsonConfigurationProvider json => $"--config '{FilePath(json.Source)}'",
            EnvironmentVariablesConfigurationProvider => $"environment variable {ConfigurationLoader.EnvironmentPrefix}{key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal)}",
            _ => "configuration",
        };
    }

    private static bool Holds(IConfigurationProvider provider, string key) =>
        provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any();

    private static string? FilePath(FileConfigurationSource source) =>
        source.FileProvider is PhysicalFileProvider physical && source.Path is { } path ? Path.Combine(physical.Root, path) : source.Path;

    private static PropertyInfo[] Settings(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)];

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0]
        : null;

    /// <summary>A type the binder reads from one string (as it decides: through its type converter).</summary>
    private static bool IsValue(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static bool Reads(Type type, string value)
    {
        if (value.Length == 0 && Nullable.GetUnderlyingType(type) is not null)
        {
            return true;
        }

        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static string Describe(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(byte) => "a whole number from 0 to 255",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "a whole number",
            _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number (with '.' for decimals)",
            _ when t == typeof(TimeSpan) => "a duration as [d.]hh:mm:ss[.fff], e.g. 00:01:00 for a minute",
            _ when t == typeof(TimeOnly) => "a time of day as HH:mm, e.g. 22:00",
            _ when t == typeof(TimeZoneInfo) => "a time zone this machine knows, e.g. Europe/Berlin or UTC",
            _ when t.IsEnum => "one of " + string.Join(", ", Enum.GetNames(t)),
            _ => "a " + t.Name,
        };
    }

    /// <summary>Edit distance, case-insensitive: how many letters a typo changed.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
