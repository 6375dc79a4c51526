using System.Net;
using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// Keeps an <see cref="ObjectCache{T}"/> of one kind current (client-go's reflector + shared informer): a paginated
/// LIST, then a WATCH from the list's resourceVersion with bookmarks. The resourceVersion of every event is kept,
/// so a watch that ends is reopened where it stopped; 410 Expired means the history is gone and the kind is listed
/// again. Failures back off exponentially with jitter; a watch silent for too long is presumed dead and reopened.
/// </summary>
internal sealed partial class Informer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IResourceClient<T> client;
    private readonly InformerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Random random;
    private readonly string resource;
    private readonly IReadOnlyList<InformerScope> scopes;
    private readonly List<IResourceEventHandler<T>> handlers = [];
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int unlisted;

    public Informer(IResourceClient<T> client, InformerOptions options, TimeProvider time, ILogger logger, Random? random = null)
    {
        this.client = client;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.random = random ?? Random.Shared;
        resource = client.Type.ToString();
        scopes = [.. options.Scopes.Select(ns => new InformerScope(ns, new ReconnectBackoff(options.InitialBackoff, options.MaxBackoff, this.random)))];
        unlisted = scopes.Count;
        Cache = new ObjectCache<T>(time);
    }

    public ObjectCache<T> Cache { get; }

    public ResourceType Type => client.Type;

    public bool HasSynced => synced.Task.IsCompleted;

    /// <summary>The namespaces this informer lists and watches, each on its own (null: the whole cluster).</summary>
    public IReadOnlyList<string?> Namespaces => [.. scopes.Select(s => s.Namespace)];

    /// <summary>The resourceVersion the next watch of the first namespace would start from (the last one seen).</summary>
    public string? LastResourceVersion => scopes[0].LastResourceVersion;

    /// <summary>How many LISTs (full relists, not pages) this informer has made, over every namespace.</summary>
    public int ListCount => scopes.Sum(s => s.ListCount);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => synced.Task.WaitAsync(cancellationToken);

    /// <summary>Adds a handler; handlers must be added before <see cref="RunAsync"/>.</summary>
    public void AddHandler(IResourceEventHandler<T> handler) => handlers.Add(handler);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var resync = options.ResyncPeriod > TimeSpan.Zero
            ? time.CreateTimer(_ => Resync(), null, options.ResyncPeriod, options.ResyncPeriod)
            : null;
        await Task.WhenAll(scopes.Select(scope => RunScopeAsync(scope, cancellationToken))).ConfigureAwait(false);
    }

    private async Task RunScopeAsync(InformerScope scope, CancellationToken cancellationToken)
    {
        var mustList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (mustList)
                {
                    await ListAndReplaceAsync(scope, cancellationToken).ConfigureAwait(false);
                    mustList = false;
                }

                var outcome = await WatchAsync(scope, cancellationToken).ConfigureAwait(false);
                if (outcome == WatchOutcome.Expired)
                {
                    LogExpired(logger, resource, scope.Name);
                    mustList = true;
                }
                else if (outcome == WatchOutcome.Failed)
                {
                    await Task.Delay(scope.Backoff.Next(), time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                // An expired continue token or resourceVersion: start over from a fresh list.
                mustList = true;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var delay = scope.Backoff.Next();
                LogListFailed(logger, resource, scope.Name, delay.TotalMilliseconds, e);
                try
                {
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task ListAndReplaceAsync(InformerScope scope, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var page = await client.ListAsync(scope.Namespace, options.PageSize, continueToken, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            continueToken = page.Continue;
            resourceVersion = page.ResourceVersion;
        }
        while (!string.IsNullOrEmpty(continueToken));

        scope.ListCount++;
        var changes = Cache.Replace(items, scope.Namespace);
        scope.LastResourceVersion = resourceVersion;
        scope.Backoff.Reset();
        foreach (var obj in changes.Added)
        {
            Notify(h => h.OnAdd(obj));
        }

        foreach (var (oldObj, newObj) in changes.Updated)
        {
            Notify(h => h.OnUpdate(oldObj, newObj));
        }

        foreach (var obj in changes.Deleted)
        {
            Notify(h => h.OnDelete(obj));
        }

        // Synced once the handlers have been told about the first list of every namespace too, as client-go's handler
        // registrations report it.
        if (scope.ListCount == 1 && Interlocked.Decrement(ref unlisted) == 0)
        {
            synced.TrySetResult();
        }
    }

    private void Resync()
    {
        foreach (var obj in Cache.List())
        {
            Notify(h => h.OnUpdate(obj, obj));
        }
    }

    private void Notify(Action<IResourceEventHandler<T>> call, bool ownWrite = false)
    {
        foreach (var handler in handlers.Where(h => !ownWrite || h.WantsOwnWrites))
        {
            try
            {
                call(handler);
            }
            catch (Exception e)
            {
                LogHandlerFailed(logger, resource, e);
            }
        }
    }
}
