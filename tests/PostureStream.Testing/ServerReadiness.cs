namespace PostureStream.Testing;

/// <summary>Waits for a server that a test started in process to accept HTTP requests.</summary>
public static class ServerReadiness
{
    /// <summary>
    /// Returns once <paramref name="address"/> answers an HTTP request with any status (a 401 is an answer).
    /// Throws when <paramref name="server"/> ends first, or when nothing answers within <paramref name="bound"/>.
    /// </summary>
    public static async Task WaitUntilAnsweringAsync(Uri address, Task server, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(bound);
        while (true)
        {
            if (server.IsCompleted)
            {
                throw new InvalidOperationException($"the server ended ({server.Status}) before {address} answered");
            }

            try
            {
                using var response = await client.GetAsync(address, deadline.Token);
                return;
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested)
            {
                // Not listening yet: try again shortly, or as soon as the server ends.
                await Task.WhenAny(server, Task.Delay(50, deadline.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"{address} did not answer within {bound.TotalSeconds} s");
            }
        }
    }
}
