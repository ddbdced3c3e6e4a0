using PostureStream.Presentation.Reports;
using PostureStream.Storage.Points;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Tests.Reports;

public sealed class DeviceSelectorTests
{
    private static readonly Lazy<Task<ReportStore>> Devices = new(() => ReportStore.WriteAsync(sqlite =>
    {
        foreach (var device in new[] { new DeviceSeries("Anna's belt", 0x0123456789abcdef), new DeviceSeries("lab", 0xdeadbeef), new DeviceSeries("lab", 0xcafef00d) })
        {
            sqlite.Write(new DeviceStatusRecord(device, DateTime.UnixEpoch.AddDays(20_000), 3900, 80, 30, false, false, false));
        }
    }));

    /// <summary>Three devices in a real store, two of them named "lab".</summary>
    private static async Task<ITrendQueries> Store() => (await Devices.Value).Queries;

    [Fact]
    public async Task HexId_IsTakenAsIs_Lowercased()
    {
        var (id, error) = await DeviceSelector.ResolveAsync(await Store(), "0123456789ABCDEF", CancellationToken.None);

        Assert.Equal("0123456789abcdef", id);
        Assert.Null(error);
    }

    [Fact]
    public async Task Name_IsLookedUpCaseInsensitively()
    {
        var (id, _) = await DeviceSelector.ResolveAsync(await Store(), "anna's BELT", CancellationToken.None);

        Assert.Equal("0123456789abcdef", id);
    }

    [Theory]
    [InlineData("kitchen", "no device named 'kitchen'")]
    [InlineData("lab", "several devices are named 'lab'")]
    public async Task UnknownOrAmbiguousName_IsAnErrorListingTheDevices(string name, string expected)
    {
        var (id, error) = await DeviceSelector.ResolveAsync(await Store(), name, CancellationToken.None);

        Assert.Null(id);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("'Anna's belt' (0123456789abcdef)", error, StringComparison.Ordinal);
    }
}
