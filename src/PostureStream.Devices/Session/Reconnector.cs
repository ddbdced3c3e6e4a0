using PostureStream.Devices.Links;

namespace PostureStream.Devices.Session;

/// <summary>
/// The reconnect job of a session: reopens the same source after a loss, waiting 250 ms, 500 ms, 1 s … up to 10 s
/// between attempts (the session's <see cref="TimeProvider"/>), and starts the waits over only once a reopened link
/// has delivered a valid frame (<see cref="LinkWorks"/>), so a peer that accepts and hangs up is not hammered.
/// </summary>
internal sealed class Reconnector(ILinkConnector connector, DeviceSessionOptions options, TimeProvider time)
{
    private readonly ReconnectBackoff _backoff = new(options.ReconnectInitialDelay, options.ReconnectMaxDelay);

    /// <summary>The link delivered a valid frame: the next loss starts the waits from the beginning.</summary>
    public void LinkWorks() => _backoff.Reset();

    /// <summary>Waits, tries, and waits longer until the source opens again; null when stopped.</summary>
    public async Task<IDeviceLink?> ReopenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(_backoff.Next(), time, cancellationToken);
                return await connector.ConnectAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (IOException)
            {
                // Still unplugged, not yet given its permissions by udev, or the peer is not listening: wait and try again.
            }
        }
    }
}
