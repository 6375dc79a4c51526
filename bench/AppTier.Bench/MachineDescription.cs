using System.Runtime.InteropServices;

namespace BackendStack.Bench;

/// <summary>The machine the figures were measured on, printed with them.</summary>
internal static class MachineDescription
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0);
        return $"machine: {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
               $"{memory:F0} GB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
