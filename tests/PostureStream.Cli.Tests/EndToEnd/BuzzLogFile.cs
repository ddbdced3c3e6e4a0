using System.Text.Json;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>What <c>simulate --buzz-log</c> wrote: one line per BUZZ the device acted on.</summary>
internal static class BuzzLogFile
{
    /// <summary>The device times (unwrapped µs, as in the truth) at which each buzz arrived.</summary>
    public static async Task<IReadOnlyList<long>> ReadArrivalsAsync(string path)
    {
        var arrivals = new List<long>();
        foreach (string line in await File.ReadAllLinesAsync(path))
        {
            using var document = JsonDocument.Parse(line);
            arrivals.Add(document.RootElement.GetProperty("deviceUs").GetInt64());
        }

        return arrivals;
    }
}
