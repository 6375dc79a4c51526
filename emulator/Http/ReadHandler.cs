using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using BackendStack.Emulator.Resources;
using BackendStack.Emulator.Semantics;
using BackendStack.Emulator.Storage;
using BackendStack.Emulator.Tables;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Http;

/// <summary>GET of one object (or its status/scale) and of lists, as JSON or as a Table.</summary>
internal sealed class ReadHandler(ResourceService service)
{
    public async Task GetAsync(HttpContext context, ResourceType type, ApiRoute route)
    {
        var stored = service.Get(type, route.Namespace, route.Name!);
        if (route.Subresource == "scale")
        {
            await Responses.Json(context.Response, Scale.Of(type, stored));
            return;
        }
        if (Negotiation.WantsTable(context.Request))
        {
            var table = TableBuilder.Build(type, [ObjectView.Node(type, stored)], stored.ResourceVersion, null,
                IncludeWholeObject(context.Request), service.Time.GetUtcNow());
            await Responses.Json(context.Response, table, contentType: TableContentType);
            return;
        }
        await Responses.Bytes(context.Response, ObjectView.Bytes(type, stored));
    }

    public async Task ListAsync(HttpContext context, ResourceType type, ApiRoute route, ListQuery query)
    {
        ListResult page;
        lock (service.Store.Sync) page = ListResult.Page(service.Store, type, route.Namespace, query);
        if (Negotiation.WantsTable(context.Request))
        {
            var table = TableBuilder.Build(type, page.Items.Select(o => ObjectView.Node(type, o)), page.Revision, page.Continue,
                IncludeWholeObject(context.Request), service.Time.GetUtcNow());
            await Responses.Json(context.Response, table, contentType: TableContentType);
            return;
        }
        await Responses.Bytes(context.Response, page.ToJson(type));
    }

    public const string TableContentType = "application/json;as=Table;v=v1;g=meta.k8s.io";

    public static bool IncludeWholeObject(HttpRequest request) => request.Query["includeObject"] == "Object";
}
