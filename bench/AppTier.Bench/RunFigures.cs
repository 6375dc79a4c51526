using System.Globalization;
using System.Text;

namespace BackendStack.Bench;

/// <summary>The figures of one run, printed as the README shows them.</summary>
internal sealed record RunFigures(
    int Tiers, string Role, int WarmUp, TimeSpan Created, TimeSpan StatusWritten, TimeSpan? Ready, int ReadyCount, TimeSpan Measured, OperatorMetrics Busy, ChildWrites Writes, TimeSpan Idle, double IdleWrites,
    int IdleApiWrites, double PeakRssMegabytes)
{
    /// <summary>RedisFailovers (without Redis answering) that filled the caches during the run.</summary>
    public int RedisFailovers { get; init; }

    /// <summary>The operator's resident set at the end of the idle period.</summary>
    public double RssMegabytes { get; init; }

    /// <summary>How long the emulator alone took to make the same objects (<see cref="EmulatorAlone"/>), when measured.</summary>
    public TimeSpan? EmulatorAlone { get; init; }

    public string Format()
    {
        var n = (double)Tiers;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"N = {Tiers} AppTiers ({Role}, {(WarmUp > 0 ? $"after a warm-up batch of {WarmUp}" : "cold start")}{(RedisFailovers > 0 ? $", {RedisFailovers} RedisFailovers in the caches" : "")})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  every tier created (8 requests at once) : {Created.TotalSeconds:F2} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"  every status written (first reconcile) : {StatusWritten.TotalSeconds:F2} s");
        text.AppendLine(Ready is { } ready
            ? string.Create(CultureInfo.InvariantCulture, $"  every tier Ready (status written)      : {ready.TotalSeconds:F2} s")
            : string.Create(CultureInfo.InvariantCulture,
                $"  tiers Ready (status written)           : {ReadyCount}/{Tiers} after {Measured.TotalSeconds:F0} s (the emulator's pods were not all ready)"));
        if (EmulatorAlone is { } alone)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  the emulator alone, same objects       : {alone.TotalSeconds:F2} s (Ready / that = {((Ready ?? Measured) / alone):F2})");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  reconciles                             : {Busy.Reconciles:F0} ({Busy.Reconciles / (Ready ?? Measured).TotalSeconds:F0} /s)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  API requests per AppTier               : {Busy.Reads / n:F2} reads, {Busy.Writes / n:F2} writes");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  writes per AppTier by purpose          : {Writes.ChildCreates / n:F2} child creates, {Writes.StatusUpdates / n:F2} status updates, " +
            $"{Writes.PatchesAndDeletes / n:F2} patches/deletes, {Writes.Events / n:F2} events");
        text.AppendLine(CultureInfo.InvariantCulture, $"  writes during {Idle.TotalSeconds:F0} s idle                : {IdleWrites:F0} (API server counted {IdleApiWrites})");
        text.Append(CultureInfo.InvariantCulture, $"  operator RSS after idle, peak          : {RssMegabytes:F0} MB, {PeakRssMegabytes:F0} MB");
        return text.ToString();
    }
}
