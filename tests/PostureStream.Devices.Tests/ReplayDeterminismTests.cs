using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Sources;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Testing;
using PostureStream.Vocabulary;

namespace PostureStream.Devices.Tests;

/// <summary>A capture is paced by its device ticks, so how fast it is replayed changes nothing downstream (Signals README, device time).</summary>
public sealed class ReplayDeterminismTests
{
    [Fact]
    public async Task CaptureWithALateHello_TakesTheDefaultsAfterTwoSecondsOfDeviceTime_ThenTheHello()
    {
        using var dir = new TempDirectory();
        string capture = WriteLateHelloCapture(dir.Sub("late-hello.psp"));

        IReadOnlyList<DeviceEvent> events = await ReplayAsync(capture, ReplaySpeed.Max);

        DeviceIdentified[] identities = [.. events.OfType<DeviceIdentified>()];
        Assert.Equal(2, identities.Length);
        Assert.False(identities[0].Identity.IsFromHello);
        Assert.Equal("late", identities[1].Identity.DisplayName);
        Assert.IsType<DeviceIdentified>(events[0]);
        uint[] beforeHello = [.. events.TakeWhile(e => e != identities[1]).OfType<SamplesReceived>().Select(s => s.Frame.Samples[0].TickMicroseconds)];
        Assert.Equal(2_400_000u, beforeHello[^1]); // the HELLO sits between the 2.4 s and 2.5 s frames
        Assert.Equal(25, beforeHello.Length);
    }

    [Fact]
    public async Task LinkStatsOfACapture_AreCountedPerTenSecondsOfDeviceTime()
    {
        using var dir = new TempDirectory();
        string capture = WriteCapture(dir.Sub("25s.psp"), seconds: 25);

        IReadOnlyList<DeviceEvent> events = await ReplayAsync(capture, ReplaySpeed.Max);

        LinkStats[] stats = [.. events.OfType<LinkStatsReported>().Select(s => s.Stats)];
        Assert.Equal([10_075_000u, 20_075_000u, 24_975_000u], stats.Select(s => s.LastTickMicroseconds!.Value));
        Assert.Equal([101 * 4, 100 * 4, 49 * 4], stats.Select(s => s.Samples));
        Assert.All(stats, s => Assert.Equal(Transport.File, s.Transport));
    }

    [Fact]
    public async Task ReplayAtMaxSpeedAndPaced_GiveTheSameEvents()
    {
        using var dir = new TempDirectory();
        string capture = WriteLateHelloCapture(dir.Sub("late-hello.psp"));

        IReadOnlyList<DeviceEvent> fast = await ReplayAsync(capture, ReplaySpeed.Max);
        IReadOnlyList<DeviceEvent> paced = await ReplayAsync(capture, ReplaySpeed.Times(40));

        Assert.Equal(Describe(fast), Describe(paced));
    }

    private static async Task<IReadOnlyList<DeviceEvent>> ReplayAsync(string capture, ReplaySpeed speed)
    {
        await using var session = new DeviceSession(new CaptureFileConnector(capture, speed));
        using var events = new EventRecorder(session);
        await session.StartAsync(CancellationToken.None);
        await events.Completed;
        return events.All;
    }

    /// <summary>Each event without its wall-clock arrival time.</summary>
    private static List<string> Describe(IEnumerable<DeviceEvent> events) =>
        [.. events.Select(e => e switch
        {
            SamplesReceived s => $"samples {s.Frame.Seq} {s.Frame.Samples[0].TickMicroseconds}",
            DeviceIdentified d => $"identity {d.Identity}",
            LinkStatsReported r => $"stats {r.Stats with { IntervalStart = default, Interval = default }}",
            _ => e.GetType().Name,
        })];

    /// <summary>3 s of 4-sample frames every 100 ms, with the HELLO only after 2.4 s.</summary>
    private static string WriteLateHelloCapture(string path)
    {
        using var file = File.Create(path);
        ushort seq = 0;
        for (uint t = 0; t < 3_000_000; t += 100_000)
        {
            file.Write(PspEncoder.Encode(ScriptedDevice.Samples(t, 4, 25_000) with { Seq = seq++ }));
            if (t == 2_400_000)
            {
                file.Write(PspEncoder.Encode(new HelloMessage(9, 1, 0, 0, 40, SensorMask.Both, "late") { Seq = seq++ }));
            }
        }

        return path;
    }

    private static string WriteCapture(string path, int seconds)
    {
        using var file = File.Create(path);
        file.Write(PspEncoder.Encode(new HelloMessage(9, 1, 0, 0, 40, SensorMask.Both, "steady")));
        ushort seq = 1;
        for (uint t = 0; t < seconds * 1_000_000u; t += 100_000)
        {
            file.Write(PspEncoder.Encode(ScriptedDevice.Samples(t, 4, 25_000) with { Seq = seq++ }));
        }

        return path;
    }
}
