using System.Text.RegularExpressions;

namespace PostureStream.Storage.Tests.Grafana;

/// <summary>The provisioning YAML files point the dashboard at the provisioned InfluxQL data source.</summary>
public sealed class GrafanaProvisioningFileTests
{
    [Fact]
    public void Datasource_IsInfluxQlWithItsDatabaseFromTheEnvironment()
    {
        string yaml = File.ReadAllText(Path.Combine(DashboardQueries.Folder, "datasources", "posturestream.yaml"));

        Assert.Contains("type: influxdb", yaml, StringComparison.Ordinal);
        Assert.Contains("version: InfluxQL", yaml, StringComparison.Ordinal);
        Assert.Matches(@"dbName: \$\{POSTURESTREAM_INFLUX_DB\}", yaml);
        Assert.Matches(@"url: \$\{POSTURESTREAM_INFLUX_URL\}", yaml);
    }

    [Fact]
    public void EveryDashboardDatasource_IsTheProvisionedUid()
    {
        string yaml = File.ReadAllText(Path.Combine(DashboardQueries.Folder, "datasources", "posturestream.yaml"));
        string uid = Regex.Match(yaml, @"^\s*uid:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;
        string json = File.ReadAllText(DashboardQueries.DashboardPath);

        var uids = Regex.Matches(json, "\"type\": \"influxdb\",\\s*\"uid\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal([uid], uids);
    }

    [Fact]
    public void DashboardProvider_LoadsTheDashboardsFolder()
    {
        string yaml = File.ReadAllText(Path.Combine(DashboardQueries.Folder, "dashboards", "posturestream.yaml"));

        Assert.Contains("type: file", yaml, StringComparison.Ordinal);
        Assert.Contains("path: ${GF_PATHS_PROVISIONING}/dashboards", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_HasThePanelsTheIssueAsksFor()
    {
        using var dashboard = DashboardQueries.LoadDashboard();
        string all = string.Join('\n', DashboardQueries.PanelQueries(dashboard).Select(q => q.Query));

        foreach (string expected in new[] { "\"pelvic_tilt\"", "\"lordosis_delta\"", "FROM \"posture_summary\"", "FROM \"posture_bend\"", "\"lumbar_share\"", "FROM \"device_status\"", "\"crc_errors\"", "\"lost_frames\"", "\"reconnects\"", "$__interval", "$timeFilter", "$device" })
        {
            Assert.Contains(expected, all, StringComparison.Ordinal);
        }

        var annotation = Assert.Single(DashboardQueries.AnnotationQueries(dashboard), a => !a.Where.EndsWith("target", StringComparison.Ordinal));
        Assert.Contains("FROM \"posture_alert\" WHERE \"phase\" = 'raised'", annotation.Query, StringComparison.Ordinal);
    }
}
