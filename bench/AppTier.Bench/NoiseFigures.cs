using System.Globalization;
using System.Text;

namespace BackendStack.Bench;

/// <summary>The figures of the noise benchmark, the empty and the noisy cluster side by side (medians over the repeats).</summary>
internal sealed record NoiseFigures(NoiseObjects Noise, IReadOnlyList<StartFigures> Empty, IReadOnlyList<StartFigures> Noisy)
{
    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"noise: {Noise}; {Empty.Count} start(s) each, medians");
        text.AppendLine("                                  empty cluster    with the noise   difference");
        Row(text, "time to /readyz (process start)", Median(Empty, f => f.Ready.TotalSeconds), Median(Noisy, f => f.Ready.TotalSeconds), "s", "F2");
        Row(text, "first LIST to /readyz (sync)", Median(Empty, f => f.Sync.TotalSeconds), Median(Noisy, f => f.Sync.TotalSeconds), "s", "F2");
        Row(text, "RSS 5 s after /readyz", Median(Empty, f => f.RssMegabytes), Median(Noisy, f => f.RssMegabytes), "MB", "F0");
        Row(text, "peak RSS", Median(Empty, f => f.PeakRssMegabytes), Median(Noisy, f => f.PeakRssMegabytes), "MB", "F0");
        text.Append(CultureInfo.InvariantCulture, $"  each start: empty [{string.Join("; ", Empty)}], noisy [{string.Join("; ", Noisy)}]");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string what, double empty, double noisy, string unit, string format) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  {what,-32}{empty.ToString(format, CultureInfo.InvariantCulture),10} {unit,-2}    {noisy.ToString(format, CultureInfo.InvariantCulture),10} {unit,-2}  {(noisy - empty).ToString(format, CultureInfo.InvariantCulture),+8} {unit}");

    private static double Median(IReadOnlyList<StartFigures> figures, Func<StartFigures, double> value)
    {
        var sorted = figures.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
