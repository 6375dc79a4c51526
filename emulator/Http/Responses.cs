using System.Text.Json;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Http;

/// <summary>Writes JSON bodies and Status errors.</summary>
internal static class Responses
{
    public static Task Json(HttpResponse response, JsonNode body, int code = 200, string contentType = "application/json") =>
        Bytes(response, JsonSerializer.SerializeToUtf8Bytes(body, Storage.Wire.Options), code, contentType);

    public static async Task Bytes(HttpResponse response, ReadOnlyMemory<byte> body, int code = 200, string contentType = "application/json")
    {
        response.StatusCode = code;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    public static Task Error(HttpResponse response, ApiStatusException error) => Json(response, error.ToStatus(), error.Code);

    public static JsonObject Success(string name, string group, string kind, string uid)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0) details["group"] = group;
        details["kind"] = kind;
        details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }
}
