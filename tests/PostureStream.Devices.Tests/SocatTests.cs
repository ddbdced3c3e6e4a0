using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests;

/// <summary>The session over a socat PTY pair (README, how it is tested): the device end is a second PTY, as with a USB null-modem.</summary>
public sealed class SocatTests
{
    [Fact]
    public async Task SessionOverSocat_Buzzes_SurvivesSocatBeingKilled_AndReconnectsWhenItComesBack()
    {
        using var dir = new TempDirectory();
        var hello = new HelloMessage(0x5A, 1, 0, 0, 50, SensorMask.Both, "via-socat");
        var options = new DeviceSessionOptions { ReconnectInitialDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) };
        await using (SocatPtyPair pair = await SocatPtyPair.StartAsync(dir.Sub("host"), dir.Sub("device")))
        {
            await using var session = new DeviceSession(new SerialConnector(pair.PathA, 115200), options);
            using var events = new EventRecorder(session);
            IDeviceLink devicePort = pair.OpenDeviceEnd();
            var device = new ScriptedDevice(devicePort);
            await session.StartAsync(CancellationToken.None);

            await device.AnswerHandshakeAsync(hello);
            Task<AckResult> buzz = session.BuzzAsync(BuzzPattern.Short, TimeSpan.FromMilliseconds(150), 40, CancellationToken.None);
            await device.AckAsync(await device.ExpectAsync<BuzzMessage>());
            Assert.Equal(AckResult.Ok, await buzz.WaitAsync(LinkExtensions.Patience));
            await device.SendSamplesAsync(firstTick: 0, frames: 2);
            await events.NextAsync<SamplesReceived>();
            await events.NextAsync<SamplesReceived>();

            await device.DisposeAsync();
            await devicePort.DisposeAsync();
            await pair.StopAsync();
            await events.NextAsync<LinkLost>();
            await using SocatPtyPair again = await SocatPtyPair.StartAsync(dir.Sub("host"), dir.Sub("device"));
            await using IDeviceLink devicePortAgain = again.OpenDeviceEnd();
            await using var deviceAgain = new ScriptedDevice(devicePortAgain);
            await deviceAgain.AnswerHandshakeAsync(hello);
            await events.NextAsync<LinkRestored>();
            await deviceAgain.SendSamplesAsync(firstTick: 90_000, frames: 1);
            SamplesReceived continued = await events.NextAsync<SamplesReceived>();

            Assert.Equal(90_000u, continued.Frame.Samples[0].TickMicroseconds);
            Assert.Equal("via-socat", session.Identity?.DisplayName);
        }
    }
}
