namespace BackendStack.Operator.Runtime.Monitoring;

/// <summary>Counts every request the Kubernetes client makes as client-go's rest_client_requests_total does.</summary>
internal sealed class RestClientMetricsHandler(ControllerRuntimeMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri?.Authority ?? string.Empty;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.RestClientRequests.WithLabels(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Method.Method, host).Inc();
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.RestClientRequests.WithLabels("<error>", request.Method.Method, host).Inc();
            throw;
        }
    }
}
