using System.Net;
using BackendStack.Operator.Runtime.Hosting;

namespace BackendStack.Tests.Hosting;

public sealed class BindAddressTests
{
    [Theory]
    [InlineData(":8080", "0.0.0.0:8080")]
    [InlineData("127.0.0.1:9090", "127.0.0.1:9090")]
    [InlineData("[::1]:8081", "[::1]:8081")]
    [InlineData("127.0.0.2:0", "127.0.0.2:0")]
    public void HostPortAndPortAloneAreParsed(string address, string expected) =>
        Assert.Equal(IPEndPoint.Parse(expected), BindAddress.Parse(address));

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    [InlineData(null)]
    public void ZeroOrNothingTurnsTheEndpointOff(string? address) =>
        Assert.Null(BindAddress.Parse(address));

    [Theory]
    [InlineData("localhost:8080")]
    [InlineData("8080")]
    [InlineData(":-1")]
    [InlineData(":65536")]
    [InlineData("127.0.0.1:")]
    public void AnythingElseIsRefusedNamingTheValue(string address)
    {
        Assert.False(BindAddress.TryParse(address, out var endpoint, out var problem));
        Assert.Null(endpoint);
        Assert.Equal($"'{address}' is not host:port, :port or 0 (the host an IP address, the port 0-65535)", problem);
        Assert.Equal(problem, Assert.Throws<FormatException>(() => BindAddress.Parse(address)).Message);
    }
}
