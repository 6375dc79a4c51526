using System.Globalization;

namespace BackendStack.Bench;

/// <summary>Median and maximum of a series of milliseconds, printed as one line.</summary>
internal static class Summary
{
    public static string Line(string what, IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{what,-38} median {median,8:F1} ms   max {sorted[^1],8:F1} ms   (n={sorted.Count})");
    }
}
