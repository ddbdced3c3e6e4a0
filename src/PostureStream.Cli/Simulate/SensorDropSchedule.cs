using System.Globalization;
using PostureStream.Simulation.WitMotion;

namespace PostureStream.Cli.Simulate;

/// <summary>
/// The drops' starts and ends in time order, applied as the simulation reaches them: <paramref name="apply"/> unplugs
/// (true) or brings back (false) a sensor, and stderr says so with <paramref name="backText"/> for the return.
/// </summary>
internal sealed class SensorDropSchedule(IReadOnlyList<SensorDrop> drops, Action<SensorPlacement, bool> apply, string backText, TextWriter stderr)
{
    private readonly Queue<(TimeSpan At, SensorDrop Drop, bool Unplug)> _due = new(
        drops.SelectMany(d => new[] { (d.Start, d, true), (d.End, d, false) }).OrderBy(e => e.Item1));

    public async Task ApplyUntilAsync(TimeSpan now)
    {
        while (_due.TryPeek(out var next) && next.At <= now)
        {
            _due.Dequeue();
            apply(next.Drop.Sensor, next.Unplug);
            string name = next.Drop.Sensor == SensorPlacement.Lumbar ? "lumbar" : "pelvis";
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name} sensor {(next.Unplug ? "unplugged" : backText)} at {next.At.TotalSeconds:F1} s"));
        }
    }
}
