namespace BackendStack.Operator.Runtime.Informers;

/// <summary>How an informer lists, watches and recovers. Defaults follow client-go's reflector.</summary>
internal sealed record InformerOptions
{
    /// <summary>Namespace to watch; null watches every namespace.</summary>
    public string? Namespace { get; init; }

    public int PageSize { get; init; } = 500;

    /// <summary>The watch's timeoutSeconds is drawn in [min, 2*min), as client-go draws it.</summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A watch that delivers nothing (not even a bookmark) for this long is presumed dead and reopened.</summary>
    public TimeSpan WatchdogTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every cached object is handed to the update handlers this often; zero disables resync.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
