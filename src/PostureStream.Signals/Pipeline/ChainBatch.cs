namespace PostureStream.Signals.Pipeline;

/// <summary>
/// A batch of samples the chain has conditioned, handed to <see cref="IDeviceChainSink.OnBatch"/> before detection
/// runs over it: what a live view or a log clock needs, without the samples themselves.
/// </summary>
/// <param name="Count">Samples in the batch.</param>
/// <param name="DeviceMicroseconds">Device time of the last sample (monotonic, µs).</param>
/// <param name="Utc">UTC stamp of the last sample.</param>
/// <param name="Calibration">Calibration state at the end of the batch.</param>
/// <param name="Faults">Sensors in fault at the last sample.</param>
public readonly record struct ChainBatch(int Count, long DeviceMicroseconds, DateTime Utc, CalibrationState Calibration, SensorFaults Faults);
