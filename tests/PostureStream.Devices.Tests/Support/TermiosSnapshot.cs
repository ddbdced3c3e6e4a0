using PostureStream.Devices.Serial;

namespace PostureStream.Devices.Tests.Support;

/// <summary>A tty's settings read back through tcgetattr and TCGETS2 on a separate descriptor.</summary>
internal readonly record struct TermiosSnapshot(uint IFlag, uint OFlag, uint CFlag, uint LFlag, uint InputBaud, uint OutputBaud)
{
    /// <summary>Whether the tty refuses new openers (TIOCEXCL in force), via TIOCGEXCL.</summary>
    public static unsafe bool IsExclusive(string ttyPath)
    {
        int fd = SerialNative.Open(ttyPath, SerialNative.O_RDWR | SerialNative.O_NOCTTY | SerialNative.O_NONBLOCK | SerialNative.O_CLOEXEC);
        Assert.True(fd >= 0, $"cannot open {ttyPath}");
        try
        {
            int exclusive;
            Assert.Equal(0, SerialNative.Ioctl(fd, SerialNative.TIOCGEXCL, &exclusive));
            return exclusive != 0;
        }
        finally
        {
            SerialNative.Close(fd);
        }
    }

    public static unsafe TermiosSnapshot Read(string ttyPath)
    {
        int fd = SerialNative.Open(ttyPath, SerialNative.O_RDWR | SerialNative.O_NOCTTY | SerialNative.O_NONBLOCK | SerialNative.O_CLOEXEC);
        Assert.True(fd >= 0, $"cannot open {ttyPath}");
        try
        {
            SerialNative.Termios t;
            Assert.Equal(0, SerialNative.TcGetAttr(fd, &t));
            SerialNative.Termios2 t2;
            Assert.Equal(0, SerialNative.Ioctl(fd, SerialNative.TCGETS2, &t2));
            return new TermiosSnapshot(t.IFlag, t.OFlag, t.CFlag, t.LFlag, t2.ISpeed, t2.OSpeed);
        }
        finally
        {
            SerialNative.Close(fd);
        }
    }
}
