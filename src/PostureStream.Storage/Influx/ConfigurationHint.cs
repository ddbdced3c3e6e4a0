namespace PostureStream.Storage.Influx;

/// <summary>
/// Which setting to fix when the server answers 401, 403 or 404 to a write: the token or
/// password, the user's permission, the database, bucket or org, or the URL path.
/// </summary>
internal static class ConfigurationHint
{
    private const string TokenSources = "token= in the store URI or POSTURESTREAM_INFLUX_TOKEN";
    private const string PasswordSources = "user= and password= in the store URI, or POSTURESTREAM_INFLUX_PASSWORD";

    public static string For(InfluxTarget target, int status, string serverMessage) => status switch
    {
        401 => Unauthorized(target),
        403 => Forbidden(target),
        _ => NotFound(target, serverMessage),
    };

    private static string Unauthorized(InfluxTarget target) => target.Version switch
    {
        InfluxApiVersion.V1 when target.User is null => $"the server wants a user and password: set {PasswordSources}",
        InfluxApiVersion.V1 => $"the user '{target.User}' or its password is wrong: fix {PasswordSources}",
        _ when !target.HasSecret => $"the server wants a token: set {TokenSources}",
        _ => $"the token is wrong or revoked: fix {TokenSources}",
    };

    private static string Forbidden(InfluxTarget target) => target.Version switch
    {
        InfluxApiVersion.V1 => $"the user '{target.User}' may not write to the database '{Param(target, "db")}': grant it WRITE, or fix user= or db=",
        InfluxApiVersion.V2 => $"the token may not write to the bucket '{Param(target, "bucket")}' of the org '{Param(target, "org")}': give it write access, or fix the token, bucket= or org=",
        _ => $"the token may not write to the database '{Param(target, "db")}': give it write access, or fix the token or db=",
    };

    private static string NotFound(InfluxTarget target, string serverMessage)
    {
        string path = $"or the URL path {target.WriteUri.AbsolutePath} is wrong (a proxy prefix?)";
        // InfluxDB 2.x says "organization name \"o\" not found" or "bucket \"b\" not found".
        bool org = serverMessage.Contains("organization", StringComparison.OrdinalIgnoreCase);
        return target.Version switch
        {
            InfluxApiVersion.V2 when org => $"the org '{Param(target, "org")}' does not exist: fix org= in the store URI, {path}",
            InfluxApiVersion.V2 => $"the bucket '{Param(target, "bucket")}' does not exist in the org '{Param(target, "org")}': create it or fix bucket= in the store URI, {path}",
            _ => $"the database '{Param(target, "db")}' does not exist: create it or fix db= in the store URI, {path}",
        };
    }

    private static string Param(InfluxTarget target, string name) =>
        target.Parameters.TryGetValue(name, out var value) ? value : "?";
}
