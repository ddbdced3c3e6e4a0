using System.Buffers;
using PostureStream.Protocol;

namespace PostureStream.Simulation.Device;

/// <summary>
/// The device's transmit side: numbers frames with the device→host seq (a lost frame still uses its
/// seq, so the host counts it lost), encodes them, and flips bits at the configured corruption rate.
/// </summary>
internal sealed class DeviceEmitter(double corruptionRate, Random corruption)
{
    private readonly byte[] _frame = new byte[PspLayout.MaxFrameLength];
    private ushort _seq;

    public long FramesSent { get; private set; }

    public long FramesLost { get; private set; }

    public void Emit(PspMessage message, bool lost, IBufferWriter<byte> output)
    {
        ushort seq = _seq++;
        if (lost)
        {
            FramesLost++;
            return;
        }

        int length = PspEncoder.Write(_frame, message with { Seq = seq });
        Span<byte> destination = output.GetSpan(length);
        _frame.AsSpan(0, length).CopyTo(destination);
        if (corruptionRate > 0)
        {
            Corrupt(destination[..length]);
        }

        output.Advance(length);
        FramesSent++;
    }

    private void Corrupt(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (corruption.NextDouble() < corruptionRate)
            {
                bytes[i] ^= (byte)(1 << corruption.Next(8));
            }
        }
    }
}
