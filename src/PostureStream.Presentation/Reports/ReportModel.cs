using PostureStream.Presentation.Review;
using PostureStream.Storage.Trends;

namespace PostureStream.Presentation.Reports;

/// <summary>Everything a report shows, computed from the trend queries; the HTML writer only lays it out.</summary>
public sealed record ReportModel(
    ReportRequest Request,
    IReadOnlyList<ReportDay> Days,
    LinearTrend? PelvicTiltTrend,
    LinearTrend? LordosisDeltaTrend,
    int TotalBends,
    int LumbarDominantBends,
    double? MeanLumbarShare,
    IReadOnlyList<DeviceInfo> Devices,
    IReadOnlyList<StatusRow> Statuses)
{
    /// <summary>The fraction (0–1) of bends that were lumbar-dominant, or null without bends.</summary>
    public double? LumbarDominantFraction => TotalBends == 0 ? null : (double)LumbarDominantBends / TotalBends;

    /// <summary>The physiotherapist's view per wearer (pattern, programmes); empty when the store keeps no programmes and no days.</summary>
    public IReadOnlyList<WearerReview> Reviews { get; init; } = [];
}
