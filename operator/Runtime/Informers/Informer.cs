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
    private readonly ReconnectBackoff backoff;
    private readonly List<IResourceEventHandler<T>> handlers = [];
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Informer(IResourceClient<T> client, InformerOptions options, TimeProvider time, ILogger logger, Random? random = null)
    {
        this.client = client;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.random = random ?? Random.Shared;
        resource = client.Type.ToString();
        backoff = new ReconnectBackoff(options.InitialBackoff, options.MaxBackoff, this.random);
        Cache = new ObjectCache<T>(time);
    }

    public ObjectCache<T> Cache { get; }

    public ResourceType Type => client.Type;

    public bool HasSynced => synced.Task.IsCompleted;

    /// <summary>The resourceVersion the next watch would start from (the last one seen).</summary>
    public string? LastResourceVersion { get; private set; }

    /// <summary>How many LISTs (full relists, not pages) this informer has made.</summary>
    public int ListCount { get; private set; }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => synced.Task.WaitAsync(cancellationToken);

    /// <summary>Adds a handler; handlers must be added before <see cref="RunAsync"/>.</summary>
    public void AddHandler(IResourceEventHandler<T> handler) => handlers.Add(handler);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var resync = options.ResyncPeriod > TimeSpan.Zero
            ? time.CreateTimer(_ => Resync(), null, options.ResyncPeriod, options.ResyncPeriod)
            : null;
        var mustList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (mustList)
                {
                    await ListAndReplaceAsync(cancellationToken).ConfigureAwait(false);
                    mustList = false;
                }

                var outcome = await WatchAsync(LastResourceVersion!, cancellationToken).ConfigureAwait(false);
                if (outcome == WatchOutcome.Expired)
                {
                    LogExpired(logger, resource);
                    mustList = true;
                }
                else if (outcome == WatchOutcome.Failed)
                {
                    await Task.Delay(backoff.Next(), time, cancellationToken).ConfigureAwait(false);
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
                var delay = backoff.Next();
                LogListFailed(logger, resource, delay.TotalMilliseconds, e);
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

    private async Task ListAndReplaceAsync(CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continueToken = null;
        string resourceVersion;
        do
        {
            var page = await client.ListAsync(options.Namespace, options.PageSize, continueToken, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            continueToken = page.Continue;
            resourceVersion = page.ResourceVersion;
        }
        while (!string.IsNullOrEmpty(continueToken));

        ListCount++;
        var changes = Cache.Replace(items);
        LastResourceVersion = resourceVersion;
        backoff.Reset();
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

        // Synced once the handlers have been told about the first list too, as client-go's handler registrations report it.
        synced.TrySetResult();
    }

    private void Resync()
    {
        foreach (var obj in Cache.List(options.Namespace))
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
