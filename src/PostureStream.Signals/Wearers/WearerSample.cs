namespace PostureStream.Signals.Wearers;

/// <summary>
/// One instant of the common grid of a wearer's two sensors: each sensor's up direction (sensor frame) interpolated
/// to <paramref name="TimeMicroseconds"/>, or <see cref="Vector3D.NaN"/> where that sensor is lost.
/// </summary>
public readonly record struct WearerSample(long TimeMicroseconds, Vector3D LumbarUp, Vector3D PelvisUp);
