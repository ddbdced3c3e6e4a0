using PostureStream.Storage.Influx;
using PostureStream.Storage.LineProtocol;

namespace PostureStream.Storage.Tests;

public sealed class InfluxTargetParserTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static InfluxTarget Parse(string uri, Func<string, string?>? environment = null) => InfluxTarget.Parse(uri, environment ?? NoEnvironment);

    [Theory]
    [InlineData("influxdb-v1:http://h:8086?db=posture", "http://h:8086/write?db=posture&precision=ms")]
    [InlineData("influxdb-v1:http://h:8086?db=posture&rp=week&precision=ns", "http://h:8086/write?db=posture&rp=week&precision=n")]
    [InlineData("influxdb-v1:http://h:8086?db=d&precision=us", "http://h:8086/write?db=d&precision=u")]
    [InlineData("influxdb-v1:http://h:8086?db=d&precision=s", "http://h:8086/write?db=d&precision=s")]
    [InlineData("influxdb-v2:https://h/influx/?org=o&bucket=b&precision=us", "https://h/influx/api/v2/write?org=o&bucket=b&precision=us")]
    [InlineData("influxdb-v2:http://h:8086?org=my%20org&bucket=b", "http://h:8086/api/v2/write?org=my%20org&bucket=b&precision=ms")]
    [InlineData("influxdb-v3:http://h:8181?db=d&precision=ns", "http://h:8181/api/v3/write_lp?db=d&precision=nanosecond")]
    [InlineData("influxdb-v3:http://h:8181/p?db=d&precision=s", "http://h:8181/p/api/v3/write_lp?db=d&precision=second")]
    [InlineData("influxdb-v3:http://h:8181?db=d&accept_partial=false", "http://h:8181/api/v3/write_lp?db=d&precision=millisecond&accept_partial=false")]
    public void WriteUri_KeepsPathPrefix_MapsPrecision_DropsSecrets(string storeUri, string expected)
    {
        Assert.Equal(expected, Parse(storeUri).WriteUri.AbsoluteUri);
    }

    [Fact]
    public void Precision_DefaultsToMilliseconds()
    {
        Assert.Equal(TimestampPrecision.Milliseconds, Parse("influxdb-v2:http://h?org=o&bucket=b").Precision);
    }

    [Fact]
    public void V2Token_GoesToTokenHeader_AndToStringMasksIt()
    {
        var target = Parse("influxdb-v2:http://h:8086?org=o&bucket=b&token=s3cr3t");
        Assert.Equal("Token s3cr3t", target.CreateAuthorization()!.ToString());
        Assert.DoesNotContain("s3cr3t", target.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", target.WriteUri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("token=***", target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void V3Token_FromEnvironment_IsBearer()
    {
        var target = Parse("influxdb-v3:http://h?db=d", name => name == InfluxTargetParser.TokenVariable ? "envtoken" : null);
        Assert.Equal("Bearer envtoken", target.CreateAuthorization()!.ToString());
    }

    [Fact]
    public void V1Password_FromEnvironment_IsBasicAuth_NeverInTheUrl()
    {
        var target = Parse("influxdb-v1:http://h?db=d&user=ann", name => name == InfluxTargetParser.PasswordVariable ? "pw" : null);
        Assert.Equal("Basic " + Convert.ToBase64String("ann:pw"u8.ToArray()), target.CreateAuthorization()!.ToString());
        Assert.DoesNotContain("pw", target.WriteUri.Query, StringComparison.Ordinal);
        Assert.Contains("password=***", target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UriSecret_WinsOverEnvironment()
    {
        var target = Parse("influxdb-v2:http://h?org=o&bucket=b&token=fromuri", _ => "fromenv");
        Assert.Equal("Token fromuri", target.CreateAuthorization()!.ToString());
    }

    [Theory]
    [InlineData("influxdb-v1:http://h?db=d&precision=us2", "precision 'us2'", "ns, us, ms or s")]
    [InlineData("influxdb-v1:http://h", "needs db=", "influxdb-v1")]
    [InlineData("influxdb-v2:http://h?org=o", "needs bucket=", "influxdb-v2")]
    [InlineData("influxdb-v3:http://h?bucket=b&db=d", "'bucket'", "valid: db, token, precision")]
    [InlineData("influxdb-v1:http://h?db=d&token=t", "'token'", "valid: db, rp, user, password, precision")]
    [InlineData("influxdb-v1:ftp://h?db=d", "not an http:// or https:// URL", "ftp://h")]
    [InlineData("influxdb-v4:http://h?db=d", "not an InfluxDB URI", "influxdb-v1:, influxdb-v2: or influxdb-v3:")]
    [InlineData("influxdb-v1:http://h?db=d&db=e", "'db' is given twice", "influxdb-v1")]
    [InlineData("influxdb-v1:http://h?db=d&password=pw", "needs user=", "password")]
    public void BadUri_MessageNamesTheValueAndWhatIsValid(string storeUri, string names, string valid)
    {
        var error = Assert.Throws<StoreUriException>(() => Parse(storeUri));
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
        Assert.Contains(valid, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadUri_MessageNeverShowsTheSecret()
    {
        var error = Assert.Throws<StoreUriException>(() => Parse("influxdb-v2:http://h?org=o&token=hunter2&precision=x&bucket=b"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialsInTheHostPart_AreRefused_WithoutEchoingThem()
    {
        var error = Assert.Throws<StoreUriException>(() => Parse("influxdb-v1:http://ann:hunter2@h:8086?db=d"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("user=/password=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSpoolDirectory_DiffersPerTargetAndPrecision()
    {
        string Dir(string uri) => InfluxWriterOptions.DefaultSpoolDirectory(Parse(uri), "/data");
        Assert.Equal("/data/posturestream/spool/influxdb-v2-h-8086-b-ms", Dir("influxdb-v2:http://h:8086?org=o&bucket=b"));
        Assert.NotEqual(Dir("influxdb-v1:http://h:8086?db=a"), Dir("influxdb-v1:http://h:8086?db=a&precision=s"));
        Assert.NotEqual(Dir("influxdb-v1:http://h:8086?db=a"), Dir("influxdb-v1:http://h:8087?db=a"));
    }

    [Fact]
    public void IsInfluxUri_RecognisesOnlyInfluxSchemes()
    {
        Assert.True(InfluxTarget.IsInfluxUri("influxdb-v2:http://h"));
        Assert.False(InfluxTarget.IsInfluxUri("sqlite:/tmp/x.db"));
    }
}
