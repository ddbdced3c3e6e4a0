using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PostureStream.Dashboard.Api;
using PostureStream.Dashboard.Live;
using PostureStream.Dashboard.Security;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;

namespace PostureStream.Dashboard;

/// <summary>
/// The web dashboard: a static page, the trend charts over any <see cref="ITrendQueries"/>, and,
/// when a pipeline is running, its live view. Loopback only unless a token file is given.
/// </summary>
public static class DashboardServer
{
    /// <summary>Starts listening; throws <see cref="DashboardConfigurationException"/> for a refused configuration.</summary>
    public static Task<RunningDashboard> StartAsync(DashboardOptions options, ITrendQueries trends, ILiveFeed? live, CancellationToken cancellationToken) =>
        StartAsync(options, trends, programmes: null, live, cancellationToken);

    /// <summary>As above, with the store's programmes, sessions and neutrals for the physiotherapist's view and the charts' annotations.</summary>
    public static async Task<RunningDashboard> StartAsync(
        DashboardOptions options, ITrendQueries trends, IProgrammeQueries? programmes, ILiveFeed? live, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trends);
        var listen = ListenAddress.Parse(options.ListenUrl);
        AccessToken? token = options.TokenFile is { } file ? AccessToken.Load(file, options.Warn) : null;
        if (!listen.IsLoopback && token is null)
        {
            throw new DashboardConfigurationException(
                $"listening on {listen.Address} lets other machines in, so it needs --token-file FILE (a file whose first line is a secret of at least {AccessToken.MinimumLength} characters); or listen on 127.0.0.1");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Bodies are cut off before parsing: one huge POST must not grow the memory of a monitoring process.
            kestrel.Limits.MaxRequestBodySize = options.MaxPostBodyBytes;
            kestrel.Listen(listen.Address, listen.Port);
        });

        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        // On loopback, only names of this machine: a web page on another site cannot reach it by
        // pointing its own host name at 127.0.0.1 (DNS rebinding).
        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = listen.IsLoopback ? ["localhost", "127.0.0.1", "[::1]", listen.Address.ToString()] : ["*"];
            o.IncludeFailureMessage = true;
        });

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<PostGuard>(options.MaxPostBodyBytes);
        if (token is not null)
        {
            app.UseMiddleware<TokenGate>(token);
        }

        app.MapGet("/api/info", () => Results.Json(
            new DashboardInfo(live is not null, options.Zone.Id, live is null ? LiveEndpoints.NoFeedMessage : null, options.Programmes is null ? null : true), DashboardJsonContext.Default.DashboardInfo));
        var storeProblems = new StoreProblems(options.Warn);
        TrendEndpoints.Map(app, trends, programmes, options.Zone, storeProblems);
        LiveEndpoints.Map(app, live);
        SessionEndpoints.Map(app, options.Programmes);
        StaticAssets.Map(app);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new DashboardConfigurationException($"cannot listen on {options.ListenUrl}: {e.Message} (choose another port with --listen)", e) { AddressUnavailable = true };
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.ListenUrl;
        return new RunningDashboard(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }
}
