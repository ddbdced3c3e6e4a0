namespace PostureStream.Storage.Trends;

/// <summary>Resolves the <c>--tz</c> option (README, using it): an IANA zone id, or the machine's zone when none is given.</summary>
public static class TrendZone
{
    /// <summary>The zone called <paramref name="id"/> (e.g. Europe/Berlin, America/New_York, UTC); null or empty = the machine's zone.</summary>
    /// <exception cref="ArgumentException">The id names no zone; the message says what is valid.</exception>
    public static TimeZoneInfo Resolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Local;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"--tz '{id}' is not a known time zone; give an IANA zone id such as UTC, Europe/Berlin or America/New_York", nameof(id), e);
        }
    }
}
