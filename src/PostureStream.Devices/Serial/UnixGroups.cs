namespace PostureStream.Devices.Serial;

/// <summary>Group names from /etc/group, for permission messages.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class UnixGroups
{
    public static string? NameOf(uint gid, string groupFile = "/etc/group")
    {
        try
        {
            foreach (string line in File.ReadLines(groupFile))
            {
                string[] fields = line.Split(':');
                if (fields.Length >= 3 && uint.TryParse(fields[2], out uint id) && id == gid)
                {
                    return fields[0];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }
}
