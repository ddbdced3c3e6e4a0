using PostureStream.Simulation.Device;

namespace PostureStream.Cli.Simulate;

/// <summary>Paces a simulation on a clock at <c>--speed</c> (real time, or N× faster): time 0 is the first call.</summary>
public sealed class RealTimePacer(SimulationSpeed speed, TimeProvider clock) : ISimulationPacer
{
    private long? _started;

    public async ValueTask WaitUntilAsync(TimeSpan due, long delivered, Func<bool> hostReadAll, CancellationToken cancellationToken)
    {
        _started ??= clock.GetTimestamp();
        if (speed.IsMax)
        {
            return;
        }

        TimeSpan wait = (due / speed.Factor) - clock.GetElapsedTime(_started.Value);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
