using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Tests;

public sealed class FloatFormatterTests
{
    private static string Format(double value)
    {
        var bytes = new byte[32];
        return Encoding.ASCII.GetString(bytes, 0, FloatFormatter.Write(value, bytes));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(12.34, "12.34")]
    [InlineData(-0.05, "-0.05")]
    [InlineData(100, "100")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123456.789012, "123456.789012")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e9, "1000000000")]
    [InlineData(-1e-7, "-1E-07")]
    public void Format_IsShortFixedPointWhenExact_ElseShortestRoundTrip(double value, string expected)
    {
        Assert.Equal(expected, Format(value));
    }

    [Fact]
    public void Format_AlwaysRoundTrips()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<NormalFloat>(f =>
            double.Parse(Format(f.Get), CultureInfo.InvariantCulture).Equals(f.Get)));
        Check.QuickThrowOnFailure(Prop.ForAll<int, byte>((n, k) =>
        {
            double value = n / Math.Pow(10, k % 8);
            return double.Parse(Format(value), CultureInfo.InvariantCulture).Equals(value);
        }));
    }
}
