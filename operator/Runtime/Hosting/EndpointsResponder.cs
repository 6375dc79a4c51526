using System.Net;
using System.Text;
using BackendStack.Operator.Runtime.Monitoring;
using Prometheus;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>Answers one request of an <see cref="EndpointsServer"/> listener: /healthz and /readyz, /metrics, or 404.</summary>
internal sealed class EndpointsResponder(ControllerManager manager, ControllerRuntimeMetrics runtimeMetrics, bool servesProbes, bool servesMetrics)
{
    public async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod != "GET")
            {
                await WriteAsync(response, HttpStatusCode.MethodNotAllowed, "text/plain", "method not allowed"u8.ToArray()).ConfigureAwait(false);
                return;
            }

            switch (context.Request.Url?.AbsolutePath)
            {
                case "/healthz" when servesProbes:
                    await WriteAsync(response, HttpStatusCode.OK, "text/plain", "ok"u8.ToArray()).ConfigureAwait(false);
                    break;
                case "/readyz" when servesProbes:
                    var ready = manager.CachesSynced;
                    await WriteAsync(
                        response,
                        ready ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable,
                        "text/plain",
                        Encoding.UTF8.GetBytes(ready ? "ok" : "caches not synced")).ConfigureAwait(false);
                    break;
                case "/metrics" when servesMetrics:
                    using (var text = new MemoryStream())
                    {
                        await runtimeMetrics.Registry.CollectAndExportAsTextAsync(text).ConfigureAwait(false);
                        await WriteAsync(response, HttpStatusCode.OK, PrometheusConstants.TextContentTypeWithVersionAndEncoding, text.ToArray()).ConfigureAwait(false);
                    }

                    break;
                default:
                    await WriteAsync(response, HttpStatusCode.NotFound, "text/plain", "not found"u8.ToArray()).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception gone) when (gone is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client closed the connection or the server is stopping: nobody is left to answer.
        }
        finally
        {
            response.Close();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, HttpStatusCode status, string contentType, byte[] body)
    {
        response.StatusCode = (int)status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
    }
}
