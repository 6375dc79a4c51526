namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// One kill -9 of every node: to the bootstrap the operator started (containers restarting, positions recovered and
/// read, the choice), from there to a Primary component, and from there to Ready (the others joining).
/// </summary>
internal sealed record FullCrashSample(TimeSpan ToBootstrap, TimeSpan BootstrapToPrimary, TimeSpan PrimaryToReady, long Seqno)
{
    public TimeSpan Total => ToBootstrap + BootstrapToPrimary + PrimaryToReady;

    public override string ToString() =>
        $"bootstrap after {ToBootstrap.TotalSeconds:0.0} s, Primary +{BootstrapToPrimary.TotalSeconds:0.0} s, Ready +{PrimaryToReady.TotalSeconds:0.0} s (total {Total.TotalSeconds:0.0} s, seqno {Seqno})";
}
