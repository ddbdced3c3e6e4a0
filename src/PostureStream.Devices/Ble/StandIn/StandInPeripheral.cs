using System.Net.Sockets;
using System.Runtime.Versioning;

namespace PostureStream.Devices.Ble.StandIn;

/// <summary>One peripheral of the BlueZ stand-in: its acquired sockets, whether the host subscribed, whether it is in range.</summary>
[SupportedOSPlatform("linux")]
internal sealed class StandInPeripheral(StandInDevice device)
{
    public StandInDevice Device { get; } = device;

    public Socket? NotifyPeer { get; set; }

    public Socket? WritePeer { get; set; }

    public bool OutOfRange { get; set; }

    public TaskCompletionSource<BlueZStandIn.NotificationMode> Notifying { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StandInWitMotionRegisters Registers { get; } = new();

    public void CloseSockets()
    {
        NotifyPeer?.Dispose();
        NotifyPeer = null;
        WritePeer?.Dispose();
        WritePeer = null;
    }
}
