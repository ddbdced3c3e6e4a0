using PostureStream.Protocol.WitMotion;

namespace PostureStream.Devices.Ble.StandIn;

/// <summary>
/// The registers of a WitMotion sensor as its datasheet describes writing them (FF AA reg lo hi, in any chunks): a
/// write takes effect only after the unlock command (key register, 0xB588); save keeps it. Only the output rate is
/// kept here, which is what the host sets over BLE.
/// </summary>
internal sealed class StandInWitMotionRegisters
{
    private readonly WitMotionCommandDecoder _decoder = new();
    private bool _unlocked;

    /// <summary>The output rate last written after an unlock; null until then.</summary>
    public double? RateHertz { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (_decoder.TryDecode(ref bytes, out WitMotionCommand command))
        {
            WitMotionCommand unlock = WitMotionCommands.Unlock;
            if (command == unlock)
            {
                _unlocked = true;
            }
            else if (_unlocked && command.Register == (byte)WitMotionRegister.Rate && WitMotionRates.HertzOf(command.Value) is { } hz)
            {
                RateHertz = hz;
            }
        }
    }
}
