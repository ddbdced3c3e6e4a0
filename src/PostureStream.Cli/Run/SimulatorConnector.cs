using System.Reactive.Concurrency;
using PostureStream.Devices.Links;
using PostureStream.Devices.Sources;
using PostureStream.Simulation.Scenarios;
using PostureStream.Simulation.Source;

namespace PostureStream.Cli.Run;

/// <summary>
/// <c>sim:NAME?speed=N&amp;seed=S</c>: the virtual wearer in process, speaking PSP like a device (it answers
/// IDENTIFY, START and BUZZ), with no PTY. The end of the scenario is the end of the source.
/// </summary>
internal sealed class SimulatorConnector : ILinkConnector
{
    private readonly SimulatedSourceUri _uri;

    public SimulatorConnector(SourceSpec spec)
    {
        if (!SimulatedSourceUri.TryParse(spec.Uri, out SimulatedSourceUri? uri, out string error))
        {
            throw new SourceUriException(error);
        }

        try
        {
            ScenarioCatalog.Resolve(uri!.Scenario);
        }
        catch (ScenarioException e)
        {
            throw new SourceUriException(e.Message, e);
        }

        _uri = uri;
    }

    /// <summary>The virtual device once connected: its received buzzes, its ground truth.</summary>
    public SimulatedLink? Link { get; private set; }

    public Transport Transport => Transport.Sim;

    public string Description => "sim:" + _uri.Scenario;

    public bool AcceptsCommands => true;

    public bool Reconnects => false;

    public Task<IDeviceLink> ConnectAsync(CancellationToken cancellationToken)
    {
        SimulatedLink link = SimulatedSource.Open(_uri, Scheduler.Default);
        Link = link;
        // Bounded: a reader slowed by a store that is behind slows the simulator, as it would a file.
        IDeviceLink adapter = new BoundedPushLink(link.Bytes, bytes => link.Send(bytes), link.Dispose);
        return Task.FromResult(adapter);
    }
}
