using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Http;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;
using BackendStack.Emulator.Tables;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Watch;

/// <summary>
/// A watch: newline-delimited WatchEvents, one flushed chunk per event, optional bookmarks, ended by
/// timeoutSeconds, by the client, or by fault injection. A resourceVersion older than the history
/// gets a 410 Expired ERROR event, as kube-apiserver sends it.
/// </summary>
internal sealed class WatchHandler(ResourceService service, TimeSpan bookmarkInterval)
{
    public async Task ServeAsync(HttpContext context, ResourceType type, ApiRoute route, ListQuery query)
    {
        var response = context.Response;
        var table = Negotiation.WantsTable(context.Request);
        var wholeObject = ReadHandler.IncludeWholeObject(context.Request);
        Func<StoredObject, bool> filter = query.Filter(route.Namespace);
        if (route.Name is { } name) filter = o => o.Name == name && query.Filter(route.Namespace)(o);
        response.StatusCode = 200;
        response.ContentType = table ? ReadHandler.TableContentType : "application/json";
        Subscription subscription;
        try
        {
            subscription = service.Store.Subscribe(type.Store, query.WatchFrom(), filter, droppable: true);
        }
        catch (ApiStatusException e) when (e.Code == 410)
        {
            await WriteAsync(response, [.. JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = "ERROR", ["object"] = e.ToStatus() }, Wire.Options), .. "\n"u8],
                context.RequestAborted);
            return;
        }
        using var _ = subscription;
        var timeout = TimeSpan.FromSeconds(query.TimeoutSeconds ?? Random.Shared.Next(1800, 3600));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        stop.CancelAfter(timeout);
        using var bookmarks = query.Bookmarks ? new Timer(_ => service.Store.Bookmark(subscription), null, bookmarkInterval, bookmarkInterval) : null;
        await response.StartAsync(stop.Token);
        // Clients (client-go's reflector, kubectl wait) treat the watch as established once headers arrive.
        await response.Body.FlushAsync(stop.Token);
        try
        {
            await foreach (var e in subscription.Events.ReadAllAsync(stop.Token))
            {
                if (e.Type == StoreEventType.Bookmark && !query.Bookmarks) continue;
                await WriteAsync(response, Event(type, e, table, wholeObject), stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout or client gone: the watch simply ends.
        }
    }

    /// <summary>One serialized WatchEvent line; a plain object event reuses the stored bytes.</summary>
    private byte[] Event(ResourceType type, StoreEvent e, bool table, bool wholeObject)
    {
        if (e.Type != StoreEventType.Bookmark && !table)
        {
            var prefix = Encoding.UTF8.GetBytes($"{{\"type\":\"{e.WireType}\",\"object\":");
            var body = ObjectView.Bytes(type, e.Object!).Span;
            return [.. prefix, .. body, .. "}\n"u8];
        }
        JsonNode obj = e.Type == StoreEventType.Bookmark
            ? new JsonObject
            {
                ["kind"] = type.Kind,
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = e.Revision.ToString(CultureInfo.InvariantCulture) },
            }
            : TableBuilder.Build(type, [ObjectView.Node(type, e.Object!)], e.Revision, null, wholeObject, service.Time.GetUtcNow());
        return [.. JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = e.WireType, ["object"] = obj }, Wire.Options), .. "\n"u8];
    }

    private static async Task WriteAsync(HttpResponse response, byte[] line, CancellationToken ct)
    {
        await response.Body.WriteAsync(line, ct);
        await response.Body.FlushAsync(ct);
    }
}
