using System.Globalization;
using Microsoft.Playwright;
using PostureStream.Presentation.Styling;
using PostureStream.Vocabulary;
using static Microsoft.Playwright.Assertions;

namespace PostureStream.Dashboard.Tests;

/// <summary>The page takes its colours from the server's one palette (<c>/palette.css</c>), as the server-drawn charts and the report do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PaletteViewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PaletteCss_IsServedFromThePaletteTable()
    {
        using var client = new HttpClient { BaseAddress = fixture.StoredDashboard.Address };

        using var response = await client.GetAsync("/palette.css");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PaletteCss.RootRule, (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task LiveCard_StateBadgeAndRollingChart_UseThePaletteColours()
    {
        const string id = "00000000000000f6";
        for (var s = 0; s <= 70; s++)
        {
            fixture.Hub.Publish(LiveUpdates.At(s, id, "painter"));
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.LiveDashboard.Address, "/#live").ToString());
        var card = page.Locator($"article.card[data-device='{id}']");
        await Expect(card.Locator("[data-field='state'] .badge")).ToHaveTextAsync("flattened");

        // The badge's text is a dark shade of the flattened colour: mostly its hue, never the default ink.
        string badge = await card.Locator("[data-field='state'] .badge").EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.Equal(Shade(Palette.Of(PostureState.Flattened), 0.7), Rgb(badge), new ChannelTolerance());
        await Expect(card.Locator("polyline[data-series='pelvic_tilt']")).ToHaveAttributeAsync("stroke", Palette.PelvicTilt);
        await Expect(card.Locator("polyline[data-series='lordosis_delta']")).ToHaveAttributeAsync("stroke", Palette.LordosisDelta);
        await Expect(card.Locator("polyline[data-series='lumbar_flexion']")).ToHaveAttributeAsync("stroke", Palette.LumbarFlexion);
    }

    private static (int R, int G, int B) Shade(string hex, double amount) =>
        ((int)Math.Round(Convert.ToInt32(hex[1..3], 16) * amount), (int)Math.Round(Convert.ToInt32(hex[3..5], 16) * amount), (int)Math.Round(Convert.ToInt32(hex[5..7], 16) * amount));

    /// <summary>"rgb(r, g, b)" or "color(srgb r g b)" (what color-mix computes to) as 0–255 channels.</summary>
    private static (int R, int G, int B) Rgb(string css)
    {
        var numbers = css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)]
            .Replace("srgb", string.Empty, StringComparison.Ordinal)
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        double scale = css.StartsWith("color(", StringComparison.Ordinal) ? 255 : 1;
        return ((int)Math.Round(numbers[0] * scale), (int)Math.Round(numbers[1] * scale), (int)Math.Round(numbers[2] * scale));
    }

    /// <summary>Colour mixing rounds each channel; one or two steps either way are the same colour.</summary>
    private sealed class ChannelTolerance : IEqualityComparer<(int R, int G, int B)>
    {
        public bool Equals((int R, int G, int B) x, (int R, int G, int B) y) =>
            Math.Abs(x.R - y.R) <= 2 && Math.Abs(x.G - y.G) <= 2 && Math.Abs(x.B - y.B) <= 2;

        public int GetHashCode((int R, int G, int B) obj) => 0;
    }
}
