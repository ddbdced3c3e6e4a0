using PostureStream.Protocol;

namespace PostureStream.Protocol.Tests;

/// <summary>One message of every type, as the tests use them.</summary>
internal static class MessageSamples
{
    public static readonly PspMessage[] All =
    [
        new HelloMessage(0x0123456789ABCDEF, 1, 2, 3, 100, SensorMask.Both, "Rücken-Sensor") { Seq = 0 },
        new SamplesMessage([new Sample(1000, 1234, -5, Sample.NotAvailable, 32767), new Sample(11000, 0, 1, -2, 3)]) { Seq = 1 },
        new StatusMessage(3900, 87, -125, StatusFlags.Charging | StatusFlags.PelvisFault) { Seq = 2 },
        new EventMessage(123456, DeviceEventCode.SnoozeRequest, 7) { Seq = 3 },
        new AckMessage(9, PspMessageType.Buzz, AckResult.Busy) { Seq = 4 },
        new StartMessage(104) { Seq = 10 },
        new StopMessage { Seq = 11 },
        new BuzzMessage(BuzzPattern.Double, 250, 80) { Seq = 12 },
        new IdentifyMessage { Seq = 13 },
        new RawMessage(SensorMask.Both, 4, 500, [
            new RawSample(2_000_000, new ImuReading(8192, -120, 410, -7, 66, -3), new ImuReading(8055, 35, -1420, 12, -40, 5)),
            new RawSample(2_010_000, new ImuReading(short.MaxValue, short.MinValue, 0, 1, -1, 0), new ImuReading(0, 0, 0, 0, 0, 0))]) { Seq = 5 },
    ];
}
