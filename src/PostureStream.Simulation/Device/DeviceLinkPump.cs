namespace PostureStream.Simulation.Device;

/// <summary>Reads what the host sent, waiting at most <paramref name="timeout"/>; 0 when nothing came.</summary>
public delegate int ReadFromHost(Span<byte> buffer, TimeSpan timeout);

/// <summary>
/// Serves a <see cref="VirtualDevice"/> over a blocking byte link (a pseudo-terminal, a socket):
/// device output is written as the device's scheduler produces it, and a dedicated reader loop feeds
/// host bytes to the device.
/// </summary>
public static class DeviceLinkPump
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs until the scenario has been sent or <paramref name="cancellationToken"/> fires. Write
    /// failures end the run with the exception; a link whose host is merely absent is not a failure.
    /// </summary>
    public static async Task RunAsync(VirtualDevice device, ReadFromHost read, Action<ReadOnlyMemory<byte>> write, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable subscription = device.Output.Subscribe(chunk =>
        {
            try
            {
                write(chunk);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
            {
                failed.TrySetException(e);
            }
        });
        Task reader = Task.Factory.StartNew(
            () =>
            {
                var buffer = new byte[4096];
                while (!stop.IsCancellationRequested)
                {
                    int n = read(buffer, ReadTimeout);
                    if (n > 0)
                    {
                        device.Receive(buffer.AsSpan(0, n));
                    }
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        device.PowerOn();
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        Task first = await Task.WhenAny(device.Completion, failed.Task, reader, cancelled);
        await stop.CancelAsync();
        try
        {
            await reader;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception) when (first != reader)
        {
            // The link went away while stopping: nothing more to serve.
        }

        if (first == failed.Task || first == reader)
        {
            await first; // surfaces the link error
        }
    }
}
