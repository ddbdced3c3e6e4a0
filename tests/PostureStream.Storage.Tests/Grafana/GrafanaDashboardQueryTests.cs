using System.Text.RegularExpressions;
using PostureStream.Storage.Tests.Fixtures;

namespace PostureStream.Storage.Tests.Grafana;

/// <summary>
/// Every query of the provisioned dashboard (panels, annotations, the device variable), filled in as
/// Grafana fills it in, runs against a real influxd holding two seeded devices and returns rows.
/// </summary>
[Collection(InfluxdCollection.Name)]
public sealed class GrafanaDashboardQueryTests(InfluxdFixture fixture)
{
    [Fact]
    public async Task EveryPanelAndAnnotationQuery_ForOneDeviceAt10s_ReturnsRowsOfThatDeviceOnly()
    {
        string database = "grafana_one";
        await GrafanaSeed.WriteAsync(fixture.Server, database);
        using var dashboard = DashboardQueries.LoadDashboard();
        var device = Assert.Single(DashboardQueries.Variables(dashboard));
        Assert.True(device.RegexFormatted, "the device variable is multi-value with All, so Grafana regex-escapes it");
        var variables = new Dictionary<string, string> { ["device"] = GrafanaInterpolation.RegexValue([GrafanaSeed.Lab.Name]) };

        var failures = new List<string>();
        foreach (var (where, raw) in DashboardQueries.PanelQueries(dashboard).Concat(DashboardQueries.AnnotationQueries(dashboard)))
        {
            string query = GrafanaInterpolation.Interpolate(raw, GrafanaSeed.FromUtc, GrafanaSeed.ToUtc, TimeSpan.FromSeconds(10), variables);
            var series = await RunAsync(database, where, query, failures);
            foreach (var (_, tags, rows) in series)
            {
                // Series grouped by device carry the tag; ungrouped ones are checked through the annotation's device column.
                if (tags.TryGetValue("device", out string? tagged) && tagged != GrafanaSeed.Lab.Name)
                {
                    failures.Add($"{where}: a row of device '{tagged}' leaked through the filter: {query}");
                }

                if (rows.Any(r => r.TryGetValue("device", out var column) && column.GetString() != GrafanaSeed.Lab.Name))
                {
                    failures.Add($"{where}: a row of another device leaked through the filter: {query}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryPanelAndAnnotationQuery_ForAllDevicesAt1m_ReturnsRowsOfBothDevices()
    {
        string database = "grafana_all";
        await GrafanaSeed.WriteAsync(fixture.Server, database);
        using var dashboard = DashboardQueries.LoadDashboard();
        var names = await DeviceVariableValuesAsync(database, DashboardQueries.Variables(dashboard)[0].Query);
        var variables = new Dictionary<string, string> { ["device"] = GrafanaInterpolation.RegexValue(names) };

        var failures = new List<string>();
        foreach (var (where, raw) in DashboardQueries.PanelQueries(dashboard).Concat(DashboardQueries.AnnotationQueries(dashboard)))
        {
            string query = GrafanaInterpolation.Interpolate(raw, GrafanaSeed.FromUtc, GrafanaSeed.ToUtc, TimeSpan.FromMinutes(1), variables);
            var series = await RunAsync(database, where, query, failures);
            bool byDevice = series.Any(s => s.Tags.ContainsKey("device"));
            if (byDevice && series.Select(s => s.Tags["device"]).Distinct().Count() != 2)
            {
                failures.Add($"{where}: expected series of both devices: {query}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task DeviceVariableQuery_ListsEverySeededDevice()
    {
        string database = "grafana_variable";
        await GrafanaSeed.WriteAsync(fixture.Server, database);
        using var dashboard = DashboardQueries.LoadDashboard();
        var variable = Assert.Single(DashboardQueries.Variables(dashboard));

        var names = await DeviceVariableValuesAsync(database, variable.Query);

        Assert.Equal([GrafanaSeed.Anna.Name, GrafanaSeed.Lab.Name], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TimeFilter_LeavesOutPointsOutsideTheRange()
    {
        string database = "grafana_range";
        await GrafanaSeed.WriteAsync(fixture.Server, database);
        using var dashboard = DashboardQueries.LoadDashboard();
        var (_, raw) = DashboardQueries.PanelQueries(dashboard)[0];
        var variables = new Dictionary<string, string> { ["device"] = GrafanaInterpolation.RegexValue([GrafanaSeed.Anna.Name]) };

        string query = GrafanaInterpolation.Interpolate(raw, GrafanaSeed.ToUtc.AddHours(1), GrafanaSeed.ToUtc.AddHours(2), TimeSpan.FromSeconds(10), variables);
        var series = await fixture.Server.SeriesAsync(database, query);

        Assert.Empty(series);
    }

    private async Task<List<string>> DeviceVariableValuesAsync(string database, string query)
    {
        var series = await fixture.Server.SeriesAsync(database, query);
        return [.. series.SelectMany(s => s.Rows).Select(r => r["value"].GetString()!)];
    }

    private async Task<List<(string Name, Dictionary<string, string> Tags, List<Dictionary<string, System.Text.Json.JsonElement>> Rows)>> RunAsync(
        string database, string where, string query, List<string> failures)
    {
        if (GrafanaInterpolation.HasUnfilledVariable(query))
        {
            failures.Add($"{where}: a variable is left unfilled: {query}");
            return [];
        }

        try
        {
            var series = await fixture.Server.SeriesAsync(database, query);
            if (series.Sum(s => s.Rows.Count) == 0)
            {
                failures.Add($"{where}: no rows: {query}");
            }

            // A misspelt field still gives rows (of nulls) when another field exists: each named column needs a value.
            foreach (Match alias in Regex.Matches(query, "AS \"([^\"]+)\""))
            {
                if (!series.SelectMany(s => s.Rows).Any(r => r.ContainsKey(alias.Groups[1].Value)))
                {
                    failures.Add($"{where}: column '{alias.Groups[1].Value}' has no value: {query}");
                }
            }

            return series;
        }
        catch (InvalidOperationException e)
        {
            failures.Add($"{where}: {e.Message}");
            return [];
        }
    }
}
