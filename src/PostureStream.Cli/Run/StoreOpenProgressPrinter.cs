using System.Globalization;
using PostureStream.Storage.Stores;

namespace PostureStream.Cli.Run;

/// <summary>
/// Prints a store's long work at open (a migration of a large SQLite file) as one line per whole
/// percent at most, so a many-GB migration shows it is moving without flooding the terminal.
/// </summary>
internal sealed class StoreOpenProgressPrinter(string store, Action<string> print) : IProgress<StoreOpenProgress>
{
    private string? _step;
    private int _lastPercent = -1;

    public void Report(StoreOpenProgress value)
    {
        int percent = (int)(value.Fraction * 100);
        if (value.Step == _step && percent == _lastPercent)
        {
            return;
        }

        _step = value.Step;
        _lastPercent = percent;
        print(string.Create(CultureInfo.InvariantCulture, $"{store}: {value.Step}: {percent} % ({value.Done} of about {value.Total})"));
    }
}
