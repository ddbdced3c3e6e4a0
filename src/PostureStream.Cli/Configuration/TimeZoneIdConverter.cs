using System.ComponentModel;
using System.Globalization;

namespace PostureStream.Cli.Configuration;

/// <summary>
/// Lets the configuration binder read a <see cref="TimeZoneInfo"/> from its id ("Europe/Berlin"), which it
/// cannot on its own: <c>Detection:QuietHoursTimeZone</c> could not be set at all without this.
/// </summary>
public sealed class TimeZoneIdConverter : TypeConverter
{
    private static int s_registered;

    /// <summary>Makes the binder (which asks <see cref="TypeDescriptor"/>) use this converter; once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeZoneInfo), new TypeConverterAttribute(typeof(TimeZoneIdConverter)));
        }
    }

    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string id
            ? TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out TimeZoneInfo? zone) ? zone : throw new FormatException($"'{id}' is not a time zone this machine knows")
            : base.ConvertFrom(context, culture, value);
}
