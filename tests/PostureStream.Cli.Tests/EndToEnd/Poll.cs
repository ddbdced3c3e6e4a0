namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>Waits for a condition another process brings about (a file it writes), with a deadline.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <exception cref="TimeoutException">The condition is still false after <paramref name="timeout"/>; names <paramref name="what"/>.</exception>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(Interval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"waited {timeout} for {what}");
            }
        }
    }
}
