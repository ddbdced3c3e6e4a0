using System.Text.Json;
using PostureStream.Testing;

namespace PostureStream.Storage.Tests.Grafana;

/// <summary>The provisioning files of tools/grafana and every InfluxQL query the dashboard holds.</summary>
internal static class DashboardQueries
{
    public static string Folder => RepoPaths.Combine("tools", "grafana", "provisioning");

    public static string DashboardPath => Path.Combine(Folder, "dashboards", "posturestream.json");

    public static JsonDocument LoadDashboard() => JsonDocument.Parse(File.ReadAllText(DashboardPath));

    /// <summary>Panel targets as (panel title + refId, query).</summary>
    public static List<(string Where, string Query)> PanelQueries(JsonDocument dashboard)
    {
        var queries = new List<(string, string)>();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            string title = panel.GetProperty("title").GetString()!;
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                queries.Add(($"panel '{title}' {target.GetProperty("refId").GetString()}", target.GetProperty("query").GetString()!));
            }
        }

        return queries;
    }

    /// <summary>Annotation queries (the classic "query" and the newer "target.query").</summary>
    public static List<(string Where, string Query)> AnnotationQueries(JsonDocument dashboard)
    {
        var queries = new List<(string, string)>();
        foreach (var annotation in dashboard.RootElement.GetProperty("annotations").GetProperty("list").EnumerateArray())
        {
            string name = annotation.GetProperty("name").GetString()!;
            if (annotation.TryGetProperty("query", out var query))
            {
                queries.Add(($"annotation '{name}'", query.GetString()!));
            }

            if (annotation.TryGetProperty("target", out var target) && target.TryGetProperty("query", out var targetQuery))
            {
                queries.Add(($"annotation '{name}' target", targetQuery.GetString()!));
            }
        }

        return queries;
    }

    /// <summary>Template variables: name, query, and whether Grafana regex-formats their values (multi or All).</summary>
    public static List<(string Name, string Query, bool RegexFormatted)> Variables(JsonDocument dashboard) =>
    [
        .. dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => (
            v.GetProperty("name").GetString()!,
            v.GetProperty("query").GetString()!,
            v.GetProperty("multi").GetBoolean() || v.GetProperty("includeAll").GetBoolean())),
    ];
}
