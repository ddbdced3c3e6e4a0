using PostureStream.Analysis;
using PostureStream.Simulation.Weeks;
using PostureStream.Storage.Programmes;
using PostureStream.Storage.Trends;
using PostureStream.Testing;

namespace PostureStream.Presentation.Tests.Review;

/// <summary>
/// A real SQLite store of the shared <see cref="SixWeekProgramme"/>; and what the analysis computes from the simulation
/// directly, for the tests to compare the HTML against.
/// </summary>
public sealed class SixWeekProgrammeStore : IAsyncLifetime
{
    private readonly TempDirectory folder = new("posturestream-review-");

    public string Path => folder.Sub("six-weeks.db");

    public SimulatedWeeks Weeks { get; private set; } = null!;

    public ITrendQueries Trends => SqliteTrendQueries.Open(Path);

    public IProgrammeQueries Programmes => SqliteProgrammeQueries.Open(Path);

    /// <summary>The days as the analysis reads them from the simulation, without any store (neutrals as a store keeps them).</summary>
    public IReadOnlyList<DayMetrics> Days => SimulatedDays.AsStored(Weeks);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Weeks = await SixWeekProgramme.WriteAsync(Path, timeout.Token);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
