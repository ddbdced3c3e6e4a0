using PostureStream.Signals;
using PostureStream.Storage.Files;

namespace PostureStream.Cli.Run;

/// <summary>
/// The calibration files of a run. A neutral that cannot be saved mid-run (disk full, folder taken away) is a
/// warning naming the file: the neutral still applies until the run ends, so alerts keep flowing. Saved files are 0600.
/// </summary>
internal sealed class ReportingCalibrationStore(JsonFileCalibrationStore files, RunReporter reporter) : ICalibrationStore
{
    private int _failedSaves;

    /// <summary>Saves that failed (and were reported) in this run.</summary>
    public int FailedSaves => Volatile.Read(ref _failedSaves);

    public CalibrationRecord? Load(ulong deviceId) => files.Load(deviceId);

    public void Save(CalibrationRecord record)
    {
        string path = files.PathFor(record.DeviceId);
        try
        {
            files.Save(record);
            PrivatePaths.Restrict(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _failedSaves);
            reporter.Warn($"calibration not saved to {path} ({e.Message}): the neutral applies until this run ends; make {files.Directory} writable by this user or choose another --data-dir");
        }
    }
}
