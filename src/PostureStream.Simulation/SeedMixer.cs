namespace PostureStream.Simulation;

/// <summary>
/// Derives independent, reproducible seeds for the simulator's random streams (anatomy, noise, link,
/// corruption, each segment) from the one seed the user gives. SplitMix64 rather than
/// <see cref="HashCode"/>, whose values change from process to process.
/// </summary>
internal static class SeedMixer
{
    public const int Anatomy = 1;
    public const int Noise = 2;
    public const int Link = 3;
    public const int Corruption = 4;
    public const int Identity = 5;
    public const int Sway = 6;
    public const int RawImu = 7;
    public const int Sessions = 8;
    public const int FirstSegment = 1000;

    public static int Derive(int seed, int stream)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    public static Random Create(int seed, int stream) => new(Derive(seed, stream));

    public static double Uniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    public static double Gaussian(this Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
