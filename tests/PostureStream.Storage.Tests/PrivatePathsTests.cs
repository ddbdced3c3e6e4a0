using PostureStream.Storage.Files;
using PostureStream.Storage.Spool;
using System.Runtime.Versioning;
using PostureStream.Testing;

namespace PostureStream.Storage.Tests;

/// <summary>The folders and files of health data are 0700/0600 however permissive the mode asked of the OS was.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class PrivatePathsTests : IDisposable
{
    private readonly TempDirectory _dir = new("ps-private-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CreateFolder_MakesEveryMissingLevel0700()
    {
        string nested = Path.Combine(_dir.Path, "a", "b");

        PrivatePaths.CreateFolder(nested);

        Assert.Equal(PrivatePaths.FolderMode, File.GetUnixFileMode(_dir.Sub("a")));
        Assert.Equal(PrivatePaths.FolderMode, File.GetUnixFileMode(nested));
    }

    [Fact]
    public void OpenAppend_NewFile_Is0600_AnExistingOneKeepsItsMode()
    {
        string fresh = _dir.Sub("fresh.jsonl");
        string shared = _dir.Sub("shared.jsonl");
        File.WriteAllText(shared, "");
        File.SetUnixFileMode(shared, PrivatePaths.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PrivatePaths.OpenAppend(fresh).Dispose();
        PrivatePaths.OpenAppend(shared).Dispose();

        Assert.Equal(PrivatePaths.FileMode, File.GetUnixFileMode(fresh));
        Assert.Equal(PrivatePaths.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(shared));
    }

    [Fact]
    public void Spool_FolderIs0700_AndEveryFileInIt0600()
    {
        string spool = _dir.Sub("spool");
        using (var opened = SegmentSpool.Open(spool, "precision=ms", 1 << 20, 4096, out _))
        {
            Assert.True(opened.TryAppend("posture,device=a v=1 1\n"u8, 1));
            opened.Sync();
        }

        Assert.Equal(PrivatePaths.FolderMode, File.GetUnixFileMode(spool));
        string[] files = Directory.GetFiles(spool);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(PrivatePaths.FileMode, File.GetUnixFileMode(f)));
    }
}
