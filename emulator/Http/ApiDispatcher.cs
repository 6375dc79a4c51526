using BackendStack.Emulator.Api;
using BackendStack.Emulator.Discovery;
using BackendStack.Emulator.OpenApi;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Streaming;
using BackendStack.Emulator.Watch;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Http;

/// <summary>Routes every request: discovery, OpenAPI, and resource verbs, with fault injection and counting around them.</summary>
internal sealed class ApiDispatcher(ResourceRegistry registry, ReadHandler read, WriteHandler write, WatchHandler watch,
    FaultInjector faults, RequestCounters counters, PodLogHandler podLogs, PodExecHandler podExec)
{
    public async Task HandleAsync(HttpContext context)
    {
        var route = ApiRoute.Parse(context.Request.Path.Value ?? "/");
        string? verb = null;
        try
        {
            // Timers may fire a little early: wait until the whole latency has really passed.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var left = faults.Latency; left > TimeSpan.Zero; left = faults.Latency - System.Diagnostics.Stopwatch.GetElapsedTime(started))
                await Task.Delay(left, context.RequestAborted);
            if (PodLogHandler.Handles(route, context.Request))
            {
                await podLogs.ServeAsync(context, route);
                return;
            }
            if (PodExecHandler.Handles(route))
            {
                await podExec.ServeAsync(context, route);
                return;
            }
            if (route.Kind != RouteKind.Resource)
            {
                await NonResourceAsync(context, route);
                return;
            }
            var type = Resolve(route);
            verb = Verb(context.Request, route);
            if (faults.TakeFailure(verb, type.Plural, route.Subresource) is { } code) throw StatusErrors.Injected(code);
            // A watch is counted when it starts: it may stay open for the rest of a test.
            if (verb == "watch") counters.Record(verb, route.Plural, route.Subresource, 200);
            if (verb is "list" or "watch")
                counters.RecordCollectionRead(new CollectionRead(verb, route.Plural, route.Namespace,
                    NullIfEmpty(context.Request.Query["labelSelector"]), NullIfEmpty(context.Request.Query["fieldSelector"]), DateTimeOffset.UtcNow));
            await ResourceAsync(context, type, route, verb);
        }
        catch (ApiStatusException e) when (!context.Response.HasStarted)
        {
            await Responses.Error(context.Response, e);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            await Responses.Error(context.Response, new ApiStatusException(500, "InternalError", $"Internal error occurred: {e.GetType().Name}: {e.Message}"));
        }
        finally
        {
            if (verb is not null && (verb != "watch" || context.Response.StatusCode != 200)) counters.Record(verb, route.Plural, route.Subresource, context.Response.StatusCode);
        }
    }

    private ResourceType Resolve(ApiRoute route)
    {
        var type = registry.Find(route.Group, route.Version, route.Plural) ?? throw StatusErrors.RouteNotFound();
        if (route.Namespace is not null && !type.Namespaced) throw StatusErrors.RouteNotFound();
        if (route.Name is not null && type.Namespaced && route.Namespace is null) throw StatusErrors.RouteNotFound();
        if (route.Subresource is not null && !DiscoveryDocuments.Subresources(type).Any(s => s.Name == route.Subresource))
            throw StatusErrors.RouteNotFound();
        return type;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Verb(HttpRequest request, ApiRoute route) => request.Method switch
    {
        "GET" when route.Name is not null => "get",
        "GET" => request.Query["watch"] is var w && (w == "true" || w == "1") ? "watch" : "list",
        "POST" when route.Name is null => "create",
        "PUT" when route.Name is not null => "update",
        "PATCH" when route.Name is not null => "patch",
        "DELETE" when route.Name is not null => "delete",
        "DELETE" => "deletecollection",
        _ => throw StatusErrors.MethodNotAllowed(),
    };

    private Task ResourceAsync(HttpContext context, ResourceType type, ApiRoute route, string verb) => verb switch
    {
        "get" => read.GetAsync(context, type, route),
        "list" => read.ListAsync(context, type, route, ListQuery.From(context.Request, type)),
        "watch" => watch.ServeAsync(context, type, route, ListQuery.From(context.Request, type)),
        "create" => write.CreateAsync(context, type, route),
        "update" => write.UpdateAsync(context, type, route),
        "patch" => write.PatchAsync(context, type, route),
        "delete" => write.DeleteAsync(context, type, route),
        _ => write.DeleteCollectionAsync(context, type, route),
    };

    private Task NonResourceAsync(HttpContext context, ApiRoute route)
    {
        var request = context.Request;
        var aggregated = Negotiation.WantsAggregatedDiscovery(request);
        var address = $"{request.Host.Host}:{request.Host.Port}";
        return route.Kind switch
        {
            RouteKind.Version => Responses.Json(context.Response, DiscoveryDocuments.Version()),
            RouteKind.Health => Responses.Bytes(context.Response, "ok"u8.ToArray(), contentType: "text/plain"),
            RouteKind.ApiRoot when aggregated => Responses.Json(context.Response, AggregatedDiscovery.Build(registry, core: true), contentType: Negotiation.AggregatedDiscoveryV2),
            RouteKind.ApiRoot => Responses.Json(context.Response, DiscoveryDocuments.ApiVersions(address)),
            RouteKind.ApisRoot when aggregated => Responses.Json(context.Response, AggregatedDiscovery.Build(registry, core: false), contentType: Negotiation.AggregatedDiscoveryV2),
            RouteKind.ApisRoot => Responses.Json(context.Response, DiscoveryDocuments.GroupList(registry)),
            RouteKind.Group => Responses.Json(context.Response, DiscoveryDocuments.Group(registry, route.Group) ?? throw StatusErrors.RouteNotFound()),
            RouteKind.GroupVersion => Responses.Json(context.Response, DiscoveryDocuments.ResourceList(registry, route.Group, route.Version) ?? throw StatusErrors.RouteNotFound()),
            RouteKind.OpenApiIndex => Responses.Json(context.Response, OpenApiDocuments.Index(registry)),
            RouteKind.OpenApiDocument => Responses.Json(context.Response, OpenApiDocuments.Document(registry, route.Group, route.Version) ?? throw StatusErrors.RouteNotFound()),
            _ => throw StatusErrors.RouteNotFound(),
        };
    }
}
