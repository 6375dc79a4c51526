namespace BackendStack.PodRuntime.Probes;

/// <summary>
/// A container's probe history in a file beside its logs: every failed attempt with its reason and the
/// time it took, and every change of a probe's verdict (what the kubelet reports as Unhealthy Events).
/// It starts over once it grows past <see cref="MaxBytes"/>.
/// </summary>
internal sealed class ProbeLog(string path, TimeProvider time)
{
    public const long MaxBytes = 1 << 20;

    private readonly Lock gate = new();

    public string Path { get; } = path;

    public void Failed(string probe, ProbeResult result) =>
        Append($"{probe} probe failed after {result.Elapsed.TotalMilliseconds:0} ms: {result.Detail.ReplaceLineEndings(" | ")}");

    public void Changed(string probe, bool healthy) => Append($"{probe} probe {(healthy ? "succeeded" : "failed")}: container {(healthy ? "healthy" : "unhealthy")}");

    private void Append(string line)
    {
        lock (gate)
        {
            if (new FileInfo(Path) is { Exists: true, Length: > MaxBytes })
            {
                File.WriteAllText(Path, "");
            }

            File.AppendAllText(Path, FormattableString.Invariant($"{time.GetUtcNow():O} {line}\n"));
        }
    }
}
