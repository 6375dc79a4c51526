using System.Globalization;

namespace BackendStack.Bench;

/// <summary>The operator's Prometheus counters, read from its /metrics text.</summary>
internal sealed record OperatorMetrics(double Reconciles, double Reads, double Writes)
{
    public static async Task<OperatorMetrics> ScrapeAsync(HttpClient http, Uri endpoint, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(endpoint, cancellationToken);
        double reconciles = 0, reads = 0, writes = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("controller_runtime_reconcile_total{", StringComparison.Ordinal))
            {
                reconciles += Value(line);
            }
            else if (line.StartsWith("rest_client_requests_total{", StringComparison.Ordinal))
            {
                if (line.Contains("method=\"GET\"", StringComparison.Ordinal))
                {
                    reads += Value(line);
                }
                else
                {
                    writes += Value(line);
                }
            }
        }

        return new OperatorMetrics(reconciles, reads, writes);
    }

    public static OperatorMetrics operator -(OperatorMetrics a, OperatorMetrics b) =>
        new(a.Reconciles - b.Reconciles, a.Reads - b.Reads, a.Writes - b.Writes);

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
}
