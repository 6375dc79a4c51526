using System.Globalization;
using System.Net;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>
/// The form of controller-runtime's bind-address flags: ":8080" (every interface), "127.0.0.1:8080",
/// "[::1]:8080", or "0" / empty (off). The host is an IP address: nothing is resolved at start.
/// </summary>
internal static class BindAddress
{
    /// <summary>The endpoint, or null when the address turns the endpoint off.</summary>
    public static IPEndPoint? Parse(string? address) =>
        TryParse(address, out var endpoint, out var problem) ? endpoint : throw new FormatException(problem);

    public static bool TryParse(string? address, out IPEndPoint? endpoint, out string? problem)
    {
        endpoint = null;
        problem = null;
        if (string.IsNullOrEmpty(address) || address == "0")
        {
            return true;
        }

        var colon = address.LastIndexOf(':');
        var host = colon > 0 ? address[..colon] : string.Empty;
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        IPAddress? ip = null;
        if (colon < 0
            || !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort
            || (host.Length > 0 && !IPAddress.TryParse(host, out ip)))
        {
            problem = $"'{address}' is not host:port, :port or 0 (the host an IP address, the port 0-65535)";
            return false;
        }

        endpoint = new IPEndPoint(ip ?? IPAddress.Any, port);
        return true;
    }
}
