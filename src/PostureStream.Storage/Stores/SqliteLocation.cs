namespace PostureStream.Storage.Stores;

/// <summary>What <c>sqlite:PATH[?retention_days=N&amp;disk_queue_mb=N]</c> says.</summary>
/// <param name="Path">The store file (<c>~/</c> expanded).</param>
/// <param name="RetentionDays">Data older than this many days is deleted; null keeps everything.</param>
/// <param name="DiskQueueMegabytes">The bound of the disk queue in MB (10^6 bytes); null for a day of data per device.</param>
public sealed record SqliteLocation(string Path, int? RetentionDays, int? DiskQueueMegabytes);
