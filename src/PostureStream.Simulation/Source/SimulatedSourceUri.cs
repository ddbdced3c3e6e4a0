using System.Globalization;
using PostureStream.Simulation.Device;

namespace PostureStream.Simulation.Source;

/// <summary>
/// The simulator's part of a <c>sim:NAME?speed=N&amp;seed=S</c> source URI (README, using it). NAME is a
/// built-in scenario or a scenario file path; speed is max, realtime or a factor (default 1, real
/// time); seed an integer (default 1). Other parameters (name=, clock=, start=) belong to the
/// caller and are left in <see cref="OtherParameters"/>.
/// </summary>
public sealed record SimulatedSourceUri(string Scenario, int Seed, SimulationSpeed Speed, IReadOnlyDictionary<string, string> OtherParameters)
{
    public const string Scheme = "sim:";

    public static bool TryParse(string uri, out SimulatedSourceUri? result, out string error)
    {
        result = null;
        error = "";
        if (!uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{uri}' is not a sim: source (sim:NAME?speed=N&seed=S)";
            return false;
        }

        string rest = uri[Scheme.Length..];
        int query = rest.IndexOf('?', StringComparison.Ordinal);
        string scenario = Uri.UnescapeDataString(query < 0 ? rest : rest[..query]);
        if (scenario.Length == 0)
        {
            error = "sim: needs a scenario name, e.g. sim:quick-demo";
            return false;
        }

        int seed = 1;
        SimulationSpeed speed = SimulationSpeed.RealTime;
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in (query < 0 ? "" : rest[(query + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            string value = Uri.UnescapeDataString(eq < 0 ? "" : pair[(eq + 1)..]);
            switch (key)
            {
                case "seed" when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed):
                    error = $"sim: seed must be an integer, got '{value}'";
                    return false;
                case "speed" when !SimulationSpeed.TryParse(value, out speed):
                    error = $"sim: speed must be max, realtime or a positive number, got '{value}'";
                    return false;
                case "seed" or "speed":
                    break;
                default:
                    others[key] = value;
                    break;
            }
        }

        result = new SimulatedSourceUri(scenario, seed, speed, others);
        return true;
    }
}
