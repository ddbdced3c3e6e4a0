using PostureStream.Cli.Run;
using PostureStream.Devices.Session;
using PostureStream.Vocabulary;

namespace PostureStream.Cli.Tests;

/// <summary>The rules that turn link_stats intervals into "this source is garbage" warnings and the end-of-file summary.</summary>
public sealed class LinkQualityTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static LinkStats Stats(long frames, long crc = 0, long cobs = 0, long other = 0, long resyncs = 0, long lost = 0, double seconds = 10) =>
        new(Transport.Serial, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(seconds), frames, frames * 10, crc, cobs, other, lost, resyncs, 0, null);

    [Fact]
    public void OnlyGarbageForTenSeconds_WarnsOnce_NamingTheLikelyCauses()
    {
        var quality = new LinkQuality();

        string? first = quality.Observe(Stats(0, crc: 3, cobs: 40, resyncs: 12));
        string? second = quality.Observe(Stats(0, cobs: 50));

        Assert.NotNull(first);
        Assert.Contains("no valid PSP frame for 10 s", first, StringComparison.Ordinal);
        Assert.Contains("43 corrupt", first, StringComparison.Ordinal);
        Assert.Contains("wrong baud rate", first, StringComparison.Ordinal);
        Assert.Null(second);
    }

    [Fact]
    public void NoFrameWarning_CountsShortIntervalsTogether_AndRearmsAfterGoodFrames()
    {
        var quality = new LinkQuality();

        Assert.Null(quality.Observe(Stats(0, cobs: 1, seconds: 6)));
        Assert.NotNull(quality.Observe(Stats(0, cobs: 1, seconds: 6)));
        Assert.Null(quality.Observe(Stats(1000)));
        Assert.NotNull(quality.Observe(Stats(0, seconds: Interval.TotalSeconds)));
    }

    [Fact]
    public void ATimerIntervalEndingAHairEarly_CountsAsTheFullTenSeconds()
    {
        var quality = new LinkQuality();

        Assert.NotNull(quality.Observe(Stats(0, cobs: 5, seconds: 9.998)));
    }

    [Fact]
    public void HighErrorShare_Warns_ALowOneDoesNot()
    {
        var quality = new LinkQuality();

        Assert.Null(quality.Observe(Stats(1000, crc: 9)));
        Assert.Null(quality.Observe(Stats(1000, crc: 30)));
        string? warning = quality.Observe(Stats(100, crc: 20, cobs: 10));

        Assert.NotNull(warning);
        Assert.Contains("23 % of frames corrupt", warning, StringComparison.Ordinal);
        Assert.Contains("CRC 20, COBS 10", warning, StringComparison.Ordinal);
        Assert.Null(quality.Observe(Stats(100, crc: 40)));
    }

    [Fact]
    public void Summary_AddsEveryInterval_AndWarnsWhenNoFrameWasValid()
    {
        var good = new LinkQuality();
        good.Observe(Stats(500, crc: 2, lost: 3, resyncs: 2));
        good.Observe(Stats(400, cobs: 1, other: 1));
        var garbage = new LinkQuality();
        garbage.Observe(Stats(0, cobs: 7, resyncs: 7, seconds: 0.1));

        (string text, bool warning) = good.Summary();
        (string garbageText, bool garbageWarning) = garbage.Summary();

        Assert.False(warning);
        Assert.Equal("link quality: 900 frames ok, 4 corrupt (CRC 2, COBS 1, other 1), 3 lost, 2 resyncs", text);
        Assert.True(garbageWarning);
        Assert.Contains("no valid PSP frame in the whole source (7 corrupt frames", garbageText, StringComparison.Ordinal);
    }
}
