using Microsoft.Playwright;
using PostureStream.Dashboard.Live;
using PostureStream.Testing;

namespace PostureStream.Dashboard.Tests;

/// <summary>
/// Two real dashboards on loopback (one with a live feed, one over stored data only) and Debian's
/// chromium driven by Playwright. Chromium failing to start fails every browser test: nothing is skipped.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private IPlaywright? playwright;

    public LiveFeedHub Hub { get; } = new();

    public RunningDashboard LiveDashboard { get; private set; } = null!;

    public RunningDashboard StoredDashboard { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots are kept: TestResults/dashboard at the repository root.</summary>
    public static string ArtifactFolder => Directory.CreateDirectory(RepoPaths.Combine("TestResults", "dashboard")).FullName;

    public async Task InitializeAsync()
    {
        var options = new DashboardOptions { ListenUrl = "http://127.0.0.1:0", Zone = TimeZoneInfo.Utc };
        var trends = await SeededTrends.OpenAsync();
        LiveDashboard = await DashboardServer.StartAsync(options, trends, Hub, CancellationToken.None);
        StoredDashboard = await DashboardServer.StartAsync(options, trends, live: null, CancellationToken.None);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install the Debian package 'chromium' (tools/install-deps.sh does)");
        }

        // Expectations poll until they hold; 5 s (Playwright's default) is short on a shared two-core machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh page (own cookies and storage) with a desktop or phone-sized viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        Hub.Dispose();
        await LiveDashboard.DisposeAsync();
        await StoredDashboard.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
