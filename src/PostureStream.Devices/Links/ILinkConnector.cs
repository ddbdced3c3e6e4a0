namespace PostureStream.Devices.Links;

/// <summary>
/// Opens links to one source, again and again: the device session calls it at start and after each loss.
/// </summary>
public interface ILinkConnector
{
    /// <summary>The transport as link_stats tags it: serial, tcp, file, sim or ble (Storage README, schema).</summary>
    Transport Transport { get; }

    /// <summary>What to show the user for this source, e.g. the port path or host:port.</summary>
    string Description { get; }

    /// <summary>False for sources that take no commands (a capture file).</summary>
    bool AcceptsCommands { get; }

    /// <summary>True when a broken or ended link should be reopened; false when its end is the end of the source.</summary>
    bool Reconnects { get; }

    /// <summary>Opens a link. Throws <see cref="SourceOpenException"/> with a message for the user when it cannot.</summary>
    Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken);
}
