using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Trends;

public sealed class TrendZoneTests
{
    [Fact]
    public void Resolve_FindsIanaZones_DefaultsToTheMachine_AndNamesABadValue()
    {
        Assert.Equal("Europe/Berlin", TrendZone.Resolve("Europe/Berlin").Id);
        Assert.Same(TimeZoneInfo.Local, TrendZone.Resolve(null));
        var error = Assert.Throws<ArgumentException>(() => TrendZone.Resolve("Mars/Olympus"));
        Assert.Contains("'Mars/Olympus'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", error.Message, StringComparison.Ordinal);
    }
}
