namespace PostureStream.Devices.Serial;

/// <summary>errno values used by the serial link (identical on x86_64 and aarch64 Linux).</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int ENODEV = 19;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;

    public static string Describe(int errno) => new System.ComponentModel.Win32Exception(errno).Message;
}
