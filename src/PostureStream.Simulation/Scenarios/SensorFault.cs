namespace PostureStream.Simulation.Scenarios;

/// <summary>Which sensor a segment's fault affects: its readings are −32768 and STATUS carries the fault flag.</summary>
[Flags]
public enum SensorFault
{
    None = 0,
    Lumbar = 1,
    Pelvis = 2,
    Both = Lumbar | Pelvis,
}
