using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Http;

/// <summary>POST, PUT, PATCH and DELETE of resources.</summary>
internal sealed class WriteHandler(ResourceService service)
{
    private static readonly HashSet<string> DeleteReturnsObject = ["pods", "services", "namespaces", "customresourcedefinitions"];

    public async Task CreateAsync(HttpContext context, ResourceType type, ApiRoute route)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var stored = service.Create(type, route.Namespace, body, Options(context.Request));
        await Responses.Bytes(context.Response, ObjectView.Bytes(type, stored), 201);
    }

    public async Task UpdateAsync(HttpContext context, ResourceType type, ApiRoute route)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        if (route.Subresource == "scale")
        {
            var scaled = Scale.Replace(service, type, route.Namespace, route.Name!, body);
            await Responses.Json(context.Response, Scale.Of(type, scaled));
            return;
        }
        var stored = service.Update(type, route.Namespace, route.Name!, body, route.Subresource, Options(context.Request));
        await Responses.Bytes(context.Response, ObjectView.Bytes(type, stored));
    }

    public async Task PatchAsync(HttpContext context, ResourceType type, ApiRoute route)
    {
        var contentType = Negotiation.ContentType(context.Request);
        var patch = await RequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (route.Subresource == "scale")
        {
            var scaled = Scale.Patch(service, type, route.Namespace, route.Name!, contentType, patch);
            await Responses.Json(context.Response, Scale.Of(type, scaled));
            return;
        }
        var (stored, created) = service.Patch(type, route.Namespace, route.Name!, contentType, patch, route.Subresource, Options(context.Request));
        await Responses.Bytes(context.Response, ObjectView.Bytes(type, stored), created ? 201 : 200);
    }

    public async Task DeleteAsync(HttpContext context, ResourceType type, ApiRoute route)
    {
        var options = await DeleteOptionsAsync(context);
        var (stored, gone) = service.Delete(type, route.Namespace, route.Name!, options);
        if (gone && !type.IsCustom && !DeleteReturnsObject.Contains(type.Plural))
        {
            await Responses.Json(context.Response, Responses.Success(stored.Name, type.Group, type.Plural, Json.Str(stored.View, "metadata.uid") ?? ""));
            return;
        }
        await Responses.Bytes(context.Response, ObjectView.Bytes(type, stored));
    }

    public async Task DeleteCollectionAsync(HttpContext context, ResourceType type, ApiRoute route)
    {
        var options = await DeleteOptionsAsync(context);
        var query = ListQuery.From(context.Request, type);
        var items = service.Store.List(type.Store, route.Namespace, query.Filter(route.Namespace)).Items;
        var deleted = new List<StoredObject>();
        foreach (var item in items)
        {
            try
            {
                deleted.Add(service.Delete(type, item.Namespace, item.Name, options).Object);
            }
            catch (ApiStatusException e) when (e.Code == 404)
            {
                // Deleted concurrently: it is gone either way.
            }
        }
        await Responses.Bytes(context.Response, new ListResult(deleted, service.Store.Revision, null, 0).ToJson(type));
    }

    private static WriteOptions Options(HttpRequest request) => new(
        request.Query["fieldValidation"].ToString() is { Length: > 0 } v ? v : "Ignore",
        request.Query["dryRun"].Count > 0,
        request.Query["fieldManager"].ToString());

    private static async Task<DeleteOptions> DeleteOptionsAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await RequestBody.ReadAsync(context.Request, context.RequestAborted) as JsonObject
            : null;
        return new DeleteOptions(
            Json.Str(body, "propagationPolicy") ?? (q["propagationPolicy"].ToString() is { Length: > 0 } p ? p : null)
                ?? (Json.At(body, "orphanDependents")?.GetValue<bool>() == true || q["orphanDependents"] == "true" ? "Orphan" : null),
            Json.Str(body, "preconditions.uid"),
            Json.Str(body, "preconditions.resourceVersion"),
            q["dryRun"].Count > 0 || Json.At(body, "dryRun") is JsonArray { Count: > 0 });
    }
}
