namespace BackendStack.Operator.Runtime.Informers;

/// <summary>How an informer lists, watches and recovers. Defaults follow client-go's reflector.</summary>
internal sealed record InformerOptions
{
    /// <summary>
    /// Namespaces to watch, each with a list and watch of its own (controller-runtime's DefaultNamespaces); empty
    /// watches every namespace with one cluster-wide list and watch.
    /// </summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>The one namespace to watch (null: every namespace); shorthand for a <see cref="Namespaces"/> of one.</summary>
    public string? Namespace
    {
        get => Namespaces.Count == 1 ? Namespaces[0] : null;
        init => Namespaces = value is null ? [] : [value];
    }

    /// <summary>What each list and watch is scoped to: every namespace of <see cref="Namespaces"/>, or null for the whole cluster.</summary>
    public IReadOnlyList<string?> Scopes => Namespaces.Count == 0 ? [null] : [.. Namespaces.Distinct(StringComparer.Ordinal)];

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
