using System.Runtime.Versioning;
using PostureStream.Testing;

namespace PostureStream.Dashboard.Tests;

/// <summary>A token file other users can read still works, with a warning saying how to make it private.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class TokenFileWarningTests : IDisposable
{
    private readonly TempDirectory dir = new("ps-token-");

    public void Dispose() => dir.Dispose();

    private async Task<List<string>> StartWithTokenModeAsync(UnixFileMode mode)
    {
        string file = dir.Sub("token");
        await File.WriteAllTextAsync(file, "0123456789abcdef0123\n");
        File.SetUnixFileMode(file, mode);
        var warnings = new List<string>();
        var options = new DashboardOptions { ListenUrl = "http://127.0.0.1:0", TokenFile = file, Zone = TimeZoneInfo.Utc, Warn = warnings.Add };
        await using var dashboard = await DashboardServer.StartAsync(options, await SeededTrends.OpenAsync(), live: null, CancellationToken.None);
        return warnings;
    }

    [Fact]
    public async Task TokenFileReadableByOthers_Warns()
    {
        List<string> warnings = await StartWithTokenModeAsync(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        string warning = Assert.Single(warnings);
        Assert.Contains("chmod 600", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateTokenFile_DoesNotWarn()
    {
        Assert.Empty(await StartWithTokenModeAsync(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }
}
