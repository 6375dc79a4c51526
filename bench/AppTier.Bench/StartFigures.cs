using System.Globalization;

namespace BackendStack.Bench;

/// <summary>
/// One operator start: time from process start to /readyz, and from its first LIST request to /readyz (the caches'
/// sync, without the runtime's own start), resident memory once synced (and its peak), and how many LISTs it made.
/// </summary>
internal sealed record StartFigures(TimeSpan Ready, TimeSpan Sync, double RssMegabytes, double PeakRssMegabytes, int Lists)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"readyz after {Ready.TotalSeconds:F2} s (first list to readyz {Sync.TotalSeconds:F2} s), RSS {RssMegabytes:F0} MB (peak {PeakRssMegabytes:F0} MB), {Lists} lists");
}
