using BackendStack.Operator.Runtime.Informers;
using BackendStack.Operator.Runtime.Monitoring;
using BackendStack.Operator.Runtime.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Controllers;

/// <summary>
/// A controller for kind <typeparamref name="T"/>: informers feed keys into one work queue, and N workers hand each
/// key to the reconciler (never the same key to two workers at once). Exceptions requeue with backoff, terminal
/// errors are not retried, RequeueAfter is a delayed add: requeues only ever go through the queue.
/// </summary>
internal sealed partial class Controller<T> : IController
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IReconciler reconciler;
    private readonly ControllerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ControllerRuntimeMetrics? metrics;
    private readonly List<IInformer> informers = [];

    public Controller(
        string name, Informer<T> primary, IReconciler reconciler, ControllerOptions options, TimeProvider time, ILogger logger,
        ControllerRuntimeMetrics? metrics = null)
        : this(name, primary, _ => reconciler, options, time, logger, metrics)
    {
    }

    /// <summary>
    /// A controller whose reconciler is made with the controller's queue, for a reconciler whose own sources of
    /// wake-ups (e.g. a data plane's announcements) enqueue keys: everything it needs is passed in at construction.
    /// </summary>
    public Controller(
        string name, Informer<T> primary, Func<WorkQueue<ObjectKey>, IReconciler> reconciler, ControllerOptions options, TimeProvider time, ILogger logger,
        ControllerRuntimeMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        Name = name;
        Primary = primary;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.metrics = metrics;
        Queue = new WorkQueue<ObjectKey>(ControllerRateLimiter.Create<ObjectKey>(time), time, metrics?.ForQueue(name));
        this.reconciler = reconciler(Queue);
        metrics?.OnCollect(Queue.ReportInFlight);
        metrics?.MaxConcurrentReconciles.WithLabels(name).Set(options.MaxConcurrentReconciles);
        primary.AddHandler(new EnqueueObject<T>(Queue, options.WakeOnOwnWrites));
        informers.Add(primary);
    }

    public string Name { get; }

    public Informer<T> Primary { get; }

    public WorkQueue<ObjectKey> Queue { get; }

    public IReadOnlyList<IInformer> Informers => informers;

    /// <summary>Reconciles the controller owner whenever an object of <typeparamref name="TChild"/> it owns changes.</summary>
    public Controller<T> Owns<TChild>(Informer<TChild> children)
        where TChild : class, IKubernetesObject<V1ObjectMeta>
    {
        children.AddHandler(new EnqueueOwner<TChild>(Queue, Primary.Type, options.WakeOnOwnWrites));
        informers.Add(children);
        return this;
    }

    /// <summary>Reconciles the keys <paramref name="map"/> names whenever an object of <typeparamref name="TOther"/> changes.</summary>
    public Controller<T> Watches<TOther>(Informer<TOther> others, Func<TOther, IEnumerable<ObjectKey>> map)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        others.AddHandler(new EnqueueMapped<TOther>(Queue, map));
        informers.Add(others);
        return this;
    }

    public async Task RunWorkersAsync(CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, options.MaxConcurrentReconciles).Select(_ => WorkAsync(cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            Queue.ShutDown();
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ObjectKey key;
            try
            {
                var (item, shutdown) = await Queue.GetAsync(cancellationToken).ConfigureAwait(false);
                if (shutdown)
                {
                    return;
                }

                key = item;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }
}
