using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Http;

/// <summary>Reads what representation the client asked for in Accept.</summary>
internal static class Negotiation
{
    public const string AggregatedDiscoveryV2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static bool WantsAggregatedDiscovery(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", StringComparison.Ordinal);

    /// <summary>Media type of a request body without parameters such as charset.</summary>
    public static string ContentType(HttpRequest request) =>
        (request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
}
