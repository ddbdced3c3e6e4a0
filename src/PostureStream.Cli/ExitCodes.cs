namespace PostureStream.Cli;

/// <summary>Process exit codes (DESIGN §8).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int RuntimeFailure = 1;
    public const int Usage = 2;
}
