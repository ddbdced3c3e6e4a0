using PostureStream.Simulation.Scenarios;

namespace PostureStream.Evaluation.Fusion;

/// <summary>Sums of squared angle errors per activity (pitches and rolls apart), and their RMS.</summary>
internal sealed class FusionErrors
{
    private readonly double[] pitchSquares = new double[Activities.Length];
    private readonly long[] pitchCounts = new long[Activities.Length];
    private readonly double[] rollSquares = new double[Activities.Length];
    private readonly long[] rollCounts = new long[Activities.Length];

    public static Activity[] Activities { get; } = Enum.GetValues<Activity>();

    public void Add(Activity activity, double pitchError, double rollError)
    {
        int a = (int)activity;
        if (!double.IsNaN(pitchError))
        {
            pitchSquares[a] += pitchError * pitchError;
            pitchCounts[a]++;
        }

        if (!double.IsNaN(rollError))
        {
            rollSquares[a] += rollError * rollError;
            rollCounts[a]++;
        }
    }

    public void Add(FusionErrors other)
    {
        for (int a = 0; a < Activities.Length; a++)
        {
            pitchSquares[a] += other.pitchSquares[a];
            pitchCounts[a] += other.pitchCounts[a];
            rollSquares[a] += other.rollSquares[a];
            rollCounts[a] += other.rollCounts[a];
        }
    }

    public double PitchRms(Activity activity) => Rms(pitchSquares[(int)activity], pitchCounts[(int)activity]);

    public double RollRms(Activity activity) => Rms(rollSquares[(int)activity], rollCounts[(int)activity]);

    public double PitchRms() => Rms(pitchSquares.Sum(), pitchCounts.Sum());

    public double RollRms() => Rms(rollSquares.Sum(), rollCounts.Sum());

    public long Count => pitchCounts.Sum();

    private static double Rms(double squares, long count) => count == 0 ? double.NaN : Math.Sqrt(squares / count);
}
