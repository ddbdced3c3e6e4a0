using System.Buffers.Binary;

namespace PostureStream.Protocol.WitMotion;

/// <summary>
/// A register write as the sensor takes it over serial, SPP and BLE alike: <c>FF AA reg dataL dataH</c>. Changing a
/// setting is unlock (<see cref="WitMotionCommands.Unlock"/>), the write, then save (<see cref="WitMotionCommands.Save"/>)
/// so it survives a power cycle.
/// </summary>
public readonly record struct WitMotionCommand(byte Register, ushort Value)
{
    public byte[] Encode()
    {
        byte[] bytes = new byte[WitMotionLayout.CommandLength];
        Write(bytes);
        return bytes;
    }

    public void Write(Span<byte> destination)
    {
        destination[0] = WitMotionLayout.CommandPrefix0;
        destination[1] = WitMotionLayout.CommandPrefix1;
        destination[2] = Register;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[3..], Value);
    }

    public override string ToString() => $"FF AA {Register:X2} {Value & 0xFF:X2} {Value >> 8:X2}";
}
