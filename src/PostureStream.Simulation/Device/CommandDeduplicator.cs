using PostureStream.Protocol;

namespace PostureStream.Simulation.Device;

/// <summary>
/// The firmware reference's rule for host retries (firmware-protocol psp_device_cmd_check): a command
/// with the same type and seq as the last one acted on is a retry, answered with the same ACK result
/// and not acted on again; anything else is a new command.
/// </summary>
internal sealed class CommandDeduplicator
{
    private bool _valid;
    private PspMessageType _lastType;
    private ushort _lastSeq;

    public AckResult LastResult { get; private set; } = AckResult.Ok;

    /// <summary>True when the command is new (act on it, then call <see cref="SetResult"/>); false for a retry.</summary>
    public bool IsNew(PspMessageType type, ushort seq)
    {
        if (_valid && _lastType == type && _lastSeq == seq)
        {
            return false;
        }

        _valid = true;
        _lastType = type;
        _lastSeq = seq;
        LastResult = AckResult.Ok;
        return true;
    }

    public void SetResult(AckResult result) => LastResult = result;
}
