using System.Globalization;
using BackendStack.Emulator.Api;
using BackendStack.PodRuntime;
using Microsoft.AspNetCore.Http;

namespace BackendStack.Emulator.Http;

/// <summary>
/// GET /api/v1/namespaces/{ns}/pods/{name}/log (what <c>kubectl logs</c> asks for): the container's
/// log file from the local pod runtime, with <c>container</c>, <c>previous</c>, <c>tailLines</c> and <c>follow</c>.
/// </summary>
internal sealed class PodLogHandler
{
    /// <summary>The runtime's node agent, once the server runs with local Pods.</summary>
    public Kubelet? Kubelet { get; set; }

    public static bool Handles(ApiRoute route, HttpRequest request) =>
        route is { Group: "", Plural: "pods", Subresource: "log", Namespace: not null, Name: not null } && request.Method == "GET";

    public async Task ServeAsync(HttpContext context, ApiRoute route)
    {
        var query = context.Request.Query;
        var container = query["container"].FirstOrDefault();
        var previous = query["previous"] == "true";
        var path = Kubelet?.Runtime.GetLogPath(new PodKey(route.Namespace!, route.Name!), container, previous)
            ?? throw StatusErrors.BadRequest(Kubelet is null
                ? $"pod \"{route.Name}\": logs are served only when the emulator runs Pods locally"
                : $"{(previous ? "previous terminated" : "current")} container \"{container ?? ""}\" in pod \"{route.Name}\" has no log");
        context.Response.ContentType = "text/plain";
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (int.TryParse(query["tailLines"], CultureInfo.InvariantCulture, out var tail) && tail >= 0)
        {
            var lines = (await new StreamReader(file).ReadToEndAsync(context.RequestAborted)).Split('\n');
            var last = lines[^1].Length == 0 ? lines[..^1] : lines;
            foreach (var line in last.Skip(Math.Max(0, last.Length - tail)))
            {
                await context.Response.WriteAsync(line + "\n", context.RequestAborted);
            }
        }
        else
        {
            await file.CopyToAsync(context.Response.Body, context.RequestAborted);
        }

        while (query["follow"] == "true" && !context.RequestAborted.IsCancellationRequested && File.Exists(path))
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(200, context.RequestAborted);
            await file.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
