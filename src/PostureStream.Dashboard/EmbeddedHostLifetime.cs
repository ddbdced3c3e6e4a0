using Microsoft.Extensions.Hosting;

namespace PostureStream.Dashboard;

/// <summary>
/// Leaves Ctrl+C and SIGTERM to the process that embeds the dashboard (the CLI stops it by
/// disposing it); the default console lifetime would swallow them and stop only the web server.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
