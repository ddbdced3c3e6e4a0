using PostureStream.Devices.Links;

namespace PostureStream.Devices.Tests.Support;

internal static class LinkExtensions
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Reads exactly <paramref name="count"/> bytes, failing the test if they do not come in time.</summary>
    public static async Task<byte[]> ReadExactlyAsync(this IDeviceLink link, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var result = new byte[count];
        int filled = 0;
        while (filled < count)
        {
            int read = await link.ReadAsync(result.AsMemory(filled), timeout.Token);
            Assert.True(read > 0, "the link ended early");
            filled += read;
        }

        return result;
    }

    public static async Task WriteAsync(this IDeviceLink link, byte[] bytes) => await link.WriteAsync(bytes, CancellationToken.None);
}
