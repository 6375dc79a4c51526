using BackendStack.Operator.Runtime.Controllers;
using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Leadership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Hosting;

/// <summary>
/// Runs the informers of every controller in every replica (warm caches), waits for them to sync, then runs the
/// controllers' workers: directly, or only while this replica holds the leader Lease. Losing the Lease stops the
/// application (and <see cref="LeadershipLost"/> gives the process a non-zero exit code), so Kubernetes restarts it.
/// </summary>
internal sealed partial class ControllerManager(
    IEnumerable<IController> controllers,
    IEnumerable<IDataPlaneSessions> sessions,
    SharedInformers informers,
    ControllerRuntimeOptions options,
    Func<LeaseElection> createElection,
    IHostApplicationLifetime lifetime,
    ILogger<ControllerManager> logger) : BackgroundService
{
    private readonly IController[] controllers = [.. controllers];
    private readonly IDataPlaneSessions[] sessions = [.. sessions];

    /// <summary>True once every informer has listed its kind: what /readyz reports.</summary>
    public bool CachesSynced => informers.All.All(i => i.HasSynced);

    /// <summary>True once this replica lost the Lease it held; the application is stopping.</summary>
    public bool LeadershipLost { get; private set; }

    /// <summary>The election, when leader election is on and the manager has started.</summary>
    public LeaseElection? Election { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = informers.All.Select(i => Task.Run(() => i.RunAsync(stoppingToken), CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(informers.All.Select(i => i.WaitForSyncAsync(stoppingToken))).ConfigureAwait(false);
            LogSynced(logger, informers.All.Count);
            if (!options.LeaderElect)
            {
                await RunControllersAsync(stoppingToken).ConfigureAwait(false);
            }
            else
            {
                Election = createElection();
                if (await Election.RunAsync(RunControllersAsync, stoppingToken).ConfigureAwait(false))
                {
                    LeadershipLost = true;
                    lifetime.StopApplication();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunControllersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(controllers.Select(c => c.RunWorkersAsync(cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            // No worker runs any more: close what acts on the data plane by itself, so a stopped or deposed
            // operator moves no label and sends no command once it returned.
            foreach (var open in sessions)
            {
                await open.CloseAllAsync().ConfigureAwait(false);
            }

            LogSessionsClosed(logger, sessions.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "controllers stopped; data-plane sessions of {Count} kinds closed")]
    private static partial void LogSessionsClosed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "caches of {Count} kinds synced")]
    private static partial void LogSynced(ILogger logger, int count);
}
