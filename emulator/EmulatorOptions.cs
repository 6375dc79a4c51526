using BackendStack.PodRuntime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendStack.Emulator;

/// <summary>How an emulator instance is started.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Run the built-in workload controllers (StatefulSets, Deployments, Jobs create Pods; Pods become Ready; PVCs bind; Endpoints). Garbage collection always runs.</summary>
    public bool BuiltInControllers { get; init; } = true;

    /// <summary>
    /// Pods get addresses 127.B.x.y from this second octet B (without <see cref="LocalPods"/>, which
    /// brings its own). Test runs that start real servers on Pod addresses pick distinct blocks so
    /// runs on one machine do not take each other's addresses.
    /// </summary>
    public int PodAddressBlock { get; init; }

    /// <summary>How many changes the watch history keeps; watches resuming from before it get 410 Expired.</summary>
    public int WatchHistorySize { get; init; } = 10_000;

    /// <summary>How often a watch that allows bookmarks gets one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When set, every Pod that has a status.podIP runs as local processes (see BackendStack.PodRuntime)
    /// and its status (phase, Ready, containerStatuses, restartCount) comes from them; <c>kubectl logs</c>
    /// serves their log files. Built-in controllers then only give Pods their addresses.
    /// </summary>
    public LocalPodRuntimeOptions? LocalPods { get; init; }

    /// <summary>Clock for timestamps and ages (tests may pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the built-in controllers and the local Pod runtime log (nowhere by default).</summary>
    public ILoggerFactory Loggers { get; init; } = NullLoggerFactory.Instance;
}
