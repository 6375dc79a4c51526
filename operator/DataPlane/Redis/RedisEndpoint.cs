using System.Globalization;
using System.Net;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>Address of one Redis or Sentinel instance.</summary>
internal readonly record struct RedisEndpoint(string Host, int Port)
{
    public static RedisEndpoint Parse(string host, string port) =>
        new(host, int.Parse(port, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public EndPoint ToEndPoint() =>
        IPAddress.TryParse(Host, out var ip) ? new IPEndPoint(ip, Port) : new DnsEndPoint(Host, Port);

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
