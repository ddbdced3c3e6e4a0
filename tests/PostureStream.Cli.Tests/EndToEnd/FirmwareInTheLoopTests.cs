using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 21, firmware in the loop: the reference firmware cross-compiled for the STM32F405 runs on QEMU's emulated
/// board (<see cref="EmulatedBoard"/>), its IMUs fed by the scripted wearer compiled into the image
/// (firmware-protocol/firmware/sim/ps_motion.h), and talks PSP over a PTY — first to the test itself, then to
/// <c>posturestream run</c>.
/// </summary>
[Collection(EmulatedBoardCollection.Name)]
public sealed class FirmwareInTheLoopTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The scripted wearer's truth, in seconds from the first sample (ps_motion.h): the lordosis crosses the flattening
    /// start threshold at 27.11 s, so the alert is raised 60 s of sustain later; it crosses back past the end threshold
    /// at 104.22 s, and the host clears the episode once that excursion has lasted longer than 3 s.
    /// </summary>
    private const double RaisedAtSeconds = 27.11 + 60;
    private const double ClearedAtSeconds = 104.22 + 3;

    /// <summary>The host's spike filter and 2 Hz low-pass delay a crossing by a fraction of a second.</summary>
    private const double ToleranceSeconds = 1;

    private static readonly TimeSpan ScenarioPatience = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _dir = new("ps-fil-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RawFirmware_AnswersIdentify_ActsOnceOnARetriedBuzz_AndStreamsUntilStop()
    {
        using EmulatedBoard board = await EmulatedBoard.StartAsync("ps_qemu_raw.elf", _dir);
        await using PspTestHost host = PspTestHost.Open(board.PtyPath);

        int mark = host.Count;
        await host.SendAsync(new IdentifyMessage(), 1);
        HelloMessage hello = await host.NextAsync<HelloMessage>(mark);
        Assert.Equal(("qemu-netduinoplus2", 0x5053464d51454d55UL, "0.1.0", (ushort)100), (hello.Name, hello.DeviceId, hello.FirmwareVersion, hello.SampleRateHz));
        Assert.Equal((PspMessageType.Identify, AckResult.Ok), Answer(await host.AckAsync(mark, 1)));

        // START, then let it stream past both of the wearer's button presses (2 s and 17 s): STATUS comes every 10 s.
        mark = host.Count;
        await host.SendAsync(new StartMessage(0), 2);
        Assert.Equal((PspMessageType.Start, AckResult.Ok), Answer(await host.AckAsync(mark, 2)));
        for (int i = 0; i < 3; i++)
        {
            mark = host.Count;
            await host.NextAsync<StatusMessage>(mark);
        }

        // A BUZZ, the host's retry of it with the same seq (its ACK was "lost"), then a new BUZZ.
        var buzz = new BuzzMessage(BuzzPattern.Short, 200, 60);
        mark = host.Count;
        await host.SendAsync(buzz, 3);
        await host.AckAsync(mark, 3);
        Assert.Equal(1, board.Buzzes);
        mark = host.Count;
        await host.SendAsync(buzz, 3);
        Assert.Equal((PspMessageType.Buzz, AckResult.Ok), Answer(await host.AckAsync(mark, 3)));
        Assert.Equal(1, board.Buzzes);
        mark = host.Count;
        await host.SendAsync(new BuzzMessage(BuzzPattern.Double, 100, 80), 4);
        await host.AckAsync(mark, 4);
        Assert.Equal(2, board.Buzzes);

        // STOP, then 10 s of device time (the next STATUS) in which nothing may stream, then IDENTIFY still answers.
        mark = host.Count;
        await host.SendAsync(new StopMessage(), 5);
        Assert.Equal((PspMessageType.Stop, AckResult.Ok), Answer(await host.AckAsync(mark, 5)));
        await host.NextAsync<StatusMessage>(host.Count);
        mark = host.Count;
        await host.SendAsync(new IdentifyMessage(), 6);
        await host.NextAsync<HelloMessage>(mark);

        string[] lines = host.DumpWithReferenceDecoder(_dir.Sub("usart1.bin"));
        int stopAck = Array.FindIndex(lines, l => l.StartsWith("ack ", StringComparison.Ordinal) && l.Contains("acked_seq=5 acked_type=0x82 result=0", StringComparison.Ordinal));
        Assert.True(stopAck > 0, string.Join('\n', lines.TakeLast(5)));
        string[] raw = lines[..stopAck].Where(l => l.StartsWith("raw ", StringComparison.Ordinal)).ToArray();
        Assert.All(raw, l => Assert.Matches(" count=[1-8] imu_mask=3 accel_fs_g=4 gyro_fs_dps=500 ", l));
        int samples = raw.Sum(l => l.Split(" tick_us=").Length - 1);
        Assert.True(samples >= 2000, $"{samples} samples in RAW frames over 20 s at 100 Hz");
        Assert.True(raw.Length >= samples / 6, $"{raw.Length} frames for {samples} samples: batches of about 50 ms");
        Assert.DoesNotContain(lines[stopAck..], l => l.StartsWith("raw ", StringComparison.Ordinal));
        Assert.Equal(2, lines[..stopAck].Count(l => l.StartsWith("event ", StringComparison.Ordinal) && l.EndsWith("code=1 arg=0", StringComparison.Ordinal)));
        // Opening the port flushes what the firmware said before (its boot HELLO, maybe): whole frames, never a part.
        Assert.Matches("^counts frames=[0-9]+ empty=[01] cobs=0 crc=0 short=0 oversize=0 bad_length=0 unknown_version=0 unknown_type=0 lost_dev=0 ", lines[^1]);
    }

    /// <summary>
    /// Both builds under <c>posturestream run</c>: RAW (the host fuses the accelerometer and gyroscope) and on-device
    /// fusion (SAMPLES). The host calibrates on the wearer's button presses, raises and clears the flattening alert at
    /// the truth's device times, its BUZZ reaches the firmware once, and the pelvis IMU the script unplugs at 140 s
    /// shows as a sensor fault.
    /// </summary>
    [Theory]
    [InlineData("ps_qemu_raw.elf")]
    [InlineData("ps_qemu_fusion.elf")]
    public async Task Firmware_UnderPosturestreamRun_RaisesAndClearsTheTruthsFlatteningAlert_AndItsBuzzReachesTheDevice(string image)
    {
        string alertsPath = _dir.Sub("alerts.jsonl");
        using EmulatedBoard board = await EmulatedBoard.StartAsync(image, _dir);
        using (ChildProcess run = PostureStreamTool.Start(
            "run", "--source", $"serial:{board.PtyPath}?clock=device&start={Start:yyyy-MM-ddTHH:mm:ssZ}",
            "--alerts-out", alertsPath, "--data-dir", _dir.Sub("data"), "--no-dashboard", "--quiet"))
        {
            // The firmware runs ahead of the host: wait for what the host reports, not for the firmware's log.
            await Poll.UntilAsync(
                () => run.HasExited || (HasClearedAlert(alertsPath) && run.StandardError.Contains("sensor fault", StringComparison.Ordinal)),
                ScenarioPatience, "the cleared alert and the host's sensor-fault warning for the unplugged pelvis IMU");
            Assert.False(run.HasExited, $"run stopped:\n{run.Output}");
            Assert.True(ExitCodes.Ok == await run.TerminateAsync(TimeSpan.FromSeconds(30)), $"run after SIGTERM:\n{run.Output}");
            Assert.Contains("imu pelvis fault", board.LogLines());
            Assert.DoesNotContain("error:", run.StandardError, StringComparison.Ordinal);
        }

        IReadOnlyList<AlertLine> alerts = await AlertLine.ReadAllAsync(alertsPath);
        Assert.All(alerts, a => Assert.Equal(("qemu-netduinoplus2", "5053464d51454d55", "flattening"), (a.Device, a.DeviceId, a.Kind)));
        Assert.Equal(["raised", "cleared"], alerts.Select(a => a.Phase));
        Assert.InRange((alerts[0].Time - Start).TotalSeconds, RaisedAtSeconds - ToleranceSeconds, RaisedAtSeconds + ToleranceSeconds);
        Assert.InRange((alerts[1].Time - Start).TotalSeconds, ClearedAtSeconds - ToleranceSeconds, ClearedAtSeconds + ToleranceSeconds);
        Assert.Equal(1, board.Buzzes);
    }

    private static (PspMessageType Type, AckResult Result) Answer(AckMessage ack) => (ack.AckedType, ack.Result);

    /// <summary>Whether run has written a cleared alert (the file is read in full once run has stopped).</summary>
    private static bool HasClearedAlert(string path) =>
        File.Exists(path) && File.ReadAllText(path).Contains("\"phase\":\"cleared\"", StringComparison.Ordinal);
}
