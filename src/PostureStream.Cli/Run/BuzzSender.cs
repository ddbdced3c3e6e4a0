using PostureStream.Cli.Configuration;
using PostureStream.Devices.Session;
using PostureStream.Protocol;

namespace PostureStream.Cli.Run;

/// <summary>
/// Sends BUZZ to a PSP device under the run's buzz settings, one task per buzzed alert, so the chain never waits
/// for an ACK. Shared by a PSP device's own pipeline and a wearer whose buzzer is a PSP device.
/// </summary>
internal sealed class BuzzSender(DeviceSession session, BuzzSettings buzz, RunReporter reporter, Func<string> name, Func<DateTime?> sampleClock)
{
    private readonly List<Task> _buzzes = [];

    /// <summary>Starts a buzz when buzzing is on and the session can take commands (a capture cannot).</summary>
    public void Request()
    {
        if (buzz.Enabled && session.AcceptsCommands)
        {
            lock (_buzzes)
            {
                _buzzes.RemoveAll(t => t.IsCompleted);
                _buzzes.Add(BuzzAsync());
            }
        }
    }

    /// <summary>Waits up to <paramref name="patience"/> for the buzzes still on their way.</summary>
    public async Task DrainAsync(TimeSpan patience)
    {
        Task[] pending;
        lock (_buzzes)
        {
            pending = [.. _buzzes];
        }

        await Task.WhenAll(pending).WaitAsync(patience).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task BuzzAsync()
    {
        try
        {
            AckResult result = await session.BuzzAsync(buzz.Pattern, buzz.Duration, buzz.Intensity, CancellationToken.None);
            if (result != AckResult.Ok)
            {
                reporter.Link(name(), $"buzz answered {result}", sampleClock());
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reporter.Link(name(), $"buzz not delivered: {e.Message}", sampleClock());
        }
    }
}
