namespace BackendStack.Emulator.Http;

internal enum RouteKind { Version, ApiRoot, ApisRoot, Group, GroupVersion, Resource, OpenApiIndex, OpenApiDocument, Health, NotFound }

/// <summary>What a request path addresses: a discovery document, an OpenAPI document or a resource.</summary>
internal sealed record ApiRoute(RouteKind Kind, string Group = "", string Version = "", string? Namespace = null,
    string Plural = "", string? Name = null, string? Subresource = null)
{
    public static ApiRoute Parse(string path)
    {
        var s = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (s.Length == 0) return new(RouteKind.NotFound);
        switch (s[0])
        {
            case "version" when s.Length == 1: return new(RouteKind.Version);
            case "healthz" or "readyz" or "livez": return new(RouteKind.Health);
            case "openapi" when s.Length == 2 && s[1] == "v3": return new(RouteKind.OpenApiIndex);
            case "openapi" when s.Length >= 4 && s[1] == "v3" && s[2] == "api": return new(RouteKind.OpenApiDocument, "", s[3]);
            case "openapi" when s.Length >= 5 && s[1] == "v3" && s[2] == "apis": return new(RouteKind.OpenApiDocument, s[3], s[4]);
            case "api" when s.Length == 1: return new(RouteKind.ApiRoot);
            case "api" when s.Length == 2: return new(RouteKind.GroupVersion, "", s[1]);
            case "api": return Resource("", s[1], s[2..]);
            case "apis" when s.Length == 1: return new(RouteKind.ApisRoot);
            case "apis" when s.Length == 2: return new(RouteKind.Group, s[1]);
            case "apis" when s.Length == 3: return new(RouteKind.GroupVersion, s[1], s[2]);
            case "apis": return Resource(s[1], s[2], s[3..]);
            default: return new(RouteKind.NotFound);
        }
    }

    private static ApiRoute Resource(string group, string version, string[] rest)
    {
        // /namespaces/{ns}/{plural}/... addresses a namespaced resource; /namespaces/{name}[/status] the namespace itself.
        if (rest.Length >= 3 && rest[0] == "namespaces" && !(group.Length == 0 && rest.Length == 3 && rest[2] is "status" or "finalize"))
            return Named(group, version, rest[1], rest[2..]);
        return Named(group, version, null, rest);
    }

    private static ApiRoute Named(string group, string version, string? ns, string[] rest) => rest.Length switch
    {
        1 => new(RouteKind.Resource, group, version, ns, rest[0]),
        2 => new(RouteKind.Resource, group, version, ns, rest[0], rest[1]),
        3 => new(RouteKind.Resource, group, version, ns, rest[0], rest[1], rest[2]),
        _ => new(RouteKind.NotFound),
    };
}
