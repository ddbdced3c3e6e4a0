using Microsoft.AspNetCore.Builder;

namespace PostureStream.Dashboard;

/// <summary>A started dashboard: where it listens; disposing it stops it.</summary>
public sealed class RunningDashboard : IAsyncDisposable
{
    private readonly WebApplication app;

    internal RunningDashboard(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The bound address, with the real port when 0 was asked for, e.g. http://127.0.0.1:5080/.</summary>
    public Uri Address { get; }

    /// <summary>Completes when the server has stopped.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
