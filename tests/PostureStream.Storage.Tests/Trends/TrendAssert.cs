namespace PostureStream.Storage.Tests.Trends;

/// <summary>Compares trend answers property by property; doubles to a relative tolerance (sums run in different orders).</summary>
internal static class TrendAssert
{
    public static void Same<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string what)
        where T : notnull
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {expected.Count} rows from SQLite, {actual.Count} from InfluxDB");
        var properties = typeof(T).GetProperties();
        for (int i = 0; i < expected.Count; i++)
        {
            foreach (var property in properties)
            {
                object? e = property.GetValue(expected[i]);
                object? a = property.GetValue(actual[i]);
                string where = $"{what}, row {i}, {property.Name}: SQLite {e}, InfluxDB {a}";
                if (e is double x && a is double y)
                {
                    Assert.True(double.IsNaN(x) ? double.IsNaN(y) : Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), where);
                }
                else
                {
                    Assert.True(Equals(e, a), where);
                }
            }
        }
    }
}
