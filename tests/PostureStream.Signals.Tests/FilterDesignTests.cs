using System.Text.Json;

namespace PostureStream.Signals.Tests;

public sealed class FilterDesignTests
{
    public static TheoryData<int> VectorCases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < LoadVectors().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorCases))]
    public void Design_MatchesScipyButterSections(int index)
    {
        VectorCase c = LoadVectors()[index];
        SosFilter filter = ButterworthDesign.LowPass(c.Order, c.CutoffHz, c.SampleRateHz);

        Assert.Equal(c.Sos.Length, filter.Sections.Length);
        for (int s = 0; s < c.Sos.Length; s++)
        {
            Biquad q = filter.Sections[s];
            double[] expected = c.Sos[s];
            Assert.Equal(1.0, expected[3]);
            double[] actual = [q.B0, q.B1, q.B2, q.A1, q.A2];
            double[] reference = [expected[0], expected[1], expected[2], expected[4], expected[5]];
            for (int k = 0; k < actual.Length; k++)
            {
                // Relative: a 4th-order section-0 numerator is ~1e-5, so an absolute 1e-9 would prove little.
                Assert.True(Math.Abs(actual[k] - reference[k]) <= 1e-9 * Math.Max(1e-3, Math.Abs(reference[k])), $"section {s} coefficient {k}: {actual[k]:R} vs scipy {reference[k]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(VectorCases))]
    public void Filter_StartedInSteadyState_MatchesScipySosfiltOutput(int index)
    {
        VectorCase c = LoadVectors()[index];
        SosFilter filter = ButterworthDesign.LowPass(c.Order, c.CutoffHz, c.SampleRateHz);
        var channel = default(BiquadCascade);

        for (int n = 0; n < c.Input.Length; n++)
        {
            double y = channel.Process(c.Input[n], filter);
            Assert.True(Math.Abs(y - c.Output[n]) <= 1e-9, $"sample {n}: {y:R} vs scipy {c.Output[n]:R}");
        }
    }

    [Theory]
    [InlineData(100.0, 2.0, 2)]
    [InlineData(104.0, 2.0, 2)]
    [InlineData(50.0, 5.0, 4)]
    [InlineData(100.0, 2.0, 3)]
    [InlineData(200.0, 10.0, 8)]
    public void Response_IsMinus3DbAtCutoff_AndUnityAtDc(double fs, double cutoff, int order)
    {
        SosFilter filter = ButterworthDesign.LowPass(order, cutoff, fs);

        Assert.Equal(1.0, filter.DcGain, 12);
        Assert.Equal(1.0, filter.Magnitude(0, fs), 12);
        double atCutoff = filter.Magnitude(cutoff, fs);
        Assert.InRange(atCutoff, Math.Sqrt(0.5) * 0.99, Math.Sqrt(0.5) * 1.01);
        Assert.True(filter.Magnitude(cutoff * 4, fs) < 0.1, "well above the cutoff the response falls away");
    }

    [Fact]
    public void Filter_ConstantInput_HasNoStartTransient()
    {
        SosFilter filter = ButterworthDesign.LowPass(4, 2, 100);
        var channel = default(BiquadCascade);

        for (int n = 0; n < 300; n++)
        {
            Assert.Equal(17.25, channel.Process(17.25, filter), 9);
        }
    }

    [Fact]
    public void Filter_NaNInput_RestartsInSteadyStateAtTheNextValue()
    {
        SosFilter filter = ButterworthDesign.LowPass(2, 2, 100);
        var channel = default(BiquadCascade);
        for (int n = 0; n < 100; n++)
        {
            channel.Process(5, filter);
        }

        Assert.True(double.IsNaN(channel.Process(double.NaN, filter)));
        Assert.Equal(-30.0, channel.Process(-30, filter), 9);
    }

    [Fact]
    public void Design_CutoffAtOrAboveNyquist_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.LowPass(2, 50, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.LowPass(9, 2, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LowPassOptions { Order = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new LowPassOptions { CutoffHz = 0 }.Validate());
    }

    private static List<VectorCase> LoadVectors()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Vectors", "butterworth.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new VectorCase(
            c.GetProperty("sampleRateHz").GetDouble(),
            c.GetProperty("cutoffHz").GetDouble(),
            c.GetProperty("order").GetInt32(),
            [.. c.GetProperty("sos").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray())],
            [.. c.GetProperty("input").EnumerateArray().Select(v => v.GetDouble())],
            [.. c.GetProperty("output").EnumerateArray().Select(v => v.GetDouble())]))];
    }

    private sealed record VectorCase(double SampleRateHz, double CutoffHz, int Order, double[][] Sos, double[] Input, double[] Output);
}
