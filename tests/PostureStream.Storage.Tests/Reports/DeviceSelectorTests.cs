using PostureStream.Storage.Reports;
using PostureStream.Storage.Trends;

namespace PostureStream.Storage.Tests.Reports;

public sealed class DeviceSelectorTests
{
    private static FakeTrendQueries Store()
    {
        var queries = new FakeTrendQueries();
        queries.Devices.Add(new DeviceInfo("0123456789abcdef", "Anna's belt", DateTime.UnixEpoch));
        queries.Devices.Add(new DeviceInfo("00000000deadbeef", "lab", DateTime.UnixEpoch));
        queries.Devices.Add(new DeviceInfo("00000000cafef00d", "lab", DateTime.UnixEpoch));
        return queries;
    }

    [Fact]
    public async Task HexId_IsTakenAsIs_Lowercased()
    {
        var (id, error) = await DeviceSelector.ResolveAsync(Store(), "0123456789ABCDEF", CancellationToken.None);

        Assert.Equal("0123456789abcdef", id);
        Assert.Null(error);
    }

    [Fact]
    public async Task Name_IsLookedUpCaseInsensitively()
    {
        var (id, _) = await DeviceSelector.ResolveAsync(Store(), "anna's BELT", CancellationToken.None);

        Assert.Equal("0123456789abcdef", id);
    }

    [Theory]
    [InlineData("kitchen", "no device named 'kitchen'")]
    [InlineData("lab", "several devices are named 'lab'")]
    public async Task UnknownOrAmbiguousName_IsAnErrorListingTheDevices(string name, string expected)
    {
        var (id, error) = await DeviceSelector.ResolveAsync(Store(), name, CancellationToken.None);

        Assert.Null(id);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("'Anna's belt' (0123456789abcdef)", error, StringComparison.Ordinal);
    }
}
