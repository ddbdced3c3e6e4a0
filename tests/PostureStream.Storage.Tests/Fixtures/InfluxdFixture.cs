namespace PostureStream.Storage.Tests.Fixtures;

/// <summary>One influxd shared by the tests of the "influxd" collection (each uses its own databases).</summary>
public sealed class InfluxdFixture : IAsyncLifetime
{
    private InfluxdServer? _server;

    internal InfluxdServer Server => _server ?? throw new InvalidOperationException("influxd is not started");

    public async Task InitializeAsync() => _server = await InfluxdServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InfluxdCollection : ICollectionFixture<InfluxdFixture>
{
    public const string Name = "influxd";
}
