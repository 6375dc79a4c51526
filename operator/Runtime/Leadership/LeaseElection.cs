using BackendStack.Operator.Runtime.Hosting;
using BackendStack.Operator.Runtime.Monitoring;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io Lease with the client's LeaderElector (15 s lease, 10 s renew deadline,
/// 2 s retry by default). <see cref="RunAsync"/> runs <c>lead</c> while this instance holds the Lease and returns
/// true when leadership was lost (the caller must then stop the process), false when it was asked to stop; on a
/// requested stop the Lease is handed back so another instance takes over at its next retry. What this class stamps
/// and waits for itself (the hand-back's renewTime and time limit) reads <c>time</c>; the client's
/// LeaderElector keeps its own clock (it takes no TimeProvider), so acquiring and renewing run on the system clock.
/// </summary>
internal sealed partial class LeaseElection(
    IKubernetes client, ControllerRuntimeOptions options, ControllerRuntimeMetrics? metrics, TimeProvider time, ILogger logger)
{
    private readonly string identity = options.ResolveIdentity();
    private readonly string leaseNamespace = options.ResolveLeaseNamespace();

    public string Identity => identity;

    public bool IsLeader { get; private set; }

    public async Task<bool> RunAsync(Func<CancellationToken, Task> lead, CancellationToken stopping)
    {
        var leaseLock = new LeaseLock(client, leaseNamespace, options.LeaderElectionId, identity);
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        });
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task led = Task.CompletedTask;
        var gauge = metrics?.LeaderElectionMasterStatus.WithLabels(options.LeaderElectionId);
        gauge?.Set(0);
        elector.OnStartedLeading += () =>
        {
            IsLeader = true;
            gauge?.Set(1);
            LogStartedLeading(logger, identity, options.LeaderElectionId);
            led = Task.Run(() => lead(leading.Token), CancellationToken.None);
        };
        elector.OnStoppedLeading += () =>
        {
            IsLeader = false;
            gauge?.Set(0);
            leading.Cancel();
        };
        elector.OnNewLeader += leader => LogNewLeader(logger, leader ?? string.Empty);

        try
        {
            await elector.RunUntilLeadershipLostAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await leading.CancelAsync().ConfigureAwait(false);
        await led.ConfigureAwait(false);
        if (!stopping.IsCancellationRequested)
        {
            LogLost(logger, identity, options.LeaderElectionId);
            return true;
        }

        await ReleaseAsync().ConfigureAwait(false);
        return false;
    }

    // An empty holder lets the next candidate take the Lease at once instead of waiting for it to expire.
    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.RenewDeadline, time);
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaderElectionId, leaseNamespace, cancellationToken: timeout.Token)
                .ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != identity)
            {
                return;
            }

            lease.Spec.HolderIdentity = string.Empty;
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = time.GetUtcNow().UtcDateTime;
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, lease.Metadata.Name, leaseNamespace, cancellationToken: timeout.Token)
                .ConfigureAwait(false);
            LogReleased(logger, identity, options.LeaderElectionId);
        }
        catch (Exception e)
        {
            LogReleaseFailed(logger, options.LeaderElectionId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} became leader of {Lease}")]
    private static partial void LogStartedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "leader is now {Leader}")]
    private static partial void LogNewLeader(ILogger logger, string leader);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Identity} lost the lease {Lease}; stopping")]
    private static partial void LogLost(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released the lease {Lease}")]
    private static partial void LogReleased(ILogger logger, string identity, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not release the lease {Lease}")]
    private static partial void LogReleaseFailed(ILogger logger, string lease, Exception error);
}
