using System.Runtime.InteropServices;

namespace PostureStream.Devices.Serial;

/// <summary>Owns a POSIX file descriptor; closing it is left to the SafeHandle so a read in flight never sees a reused number.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle(int fd)
        : base(-1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => handle == -1;

    protected override bool ReleaseHandle() => SerialNative.Close((int)handle) == 0;
}
