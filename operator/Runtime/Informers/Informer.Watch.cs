using System.Net;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Informers;

internal sealed partial class Informer<T>
{
    private enum WatchOutcome
    {
        /// <summary>The server ended the watch (timeout) or the watchdog did: reopen from the last resourceVersion.</summary>
        Ended,

        /// <summary>The watch broke (transport error, error event): reopen after a backoff.</summary>
        Failed,

        /// <summary>410: the history no longer reaches our resourceVersion: list again.</summary>
        Expired,
    }

    private async Task<WatchOutcome> WatchAsync(InformerScope scope, CancellationToken cancellationToken)
    {
        var minSeconds = (int)options.MinWatchTimeout.TotalSeconds;
        var timeoutSeconds = minSeconds + random.Next(Math.Max(1, minSeconds));
        using var watchdog = new CancellationTokenSource(options.WatchdogTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token);
        var expired = false;
        Exception? streamError = null;

        // Without onError the client drops ERROR events silently, and a 410 would look like a quiet watch.
        void OnError(Exception e)
        {
            if (IsExpired(e))
            {
                expired = true;
                linked.Cancel();
            }
            else
            {
                streamError ??= e;
            }
        }

        var delivered = 0;
        try
        {
            await foreach (var (type, obj) in client.WatchAsync(scope.Namespace, scope.LastResourceVersion!, timeoutSeconds, OnError, linked.Token)
                               .ConfigureAwait(false))
            {
                watchdog.CancelAfter(options.WatchdogTimeout);
                Apply(scope, type, obj);
                delivered++;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (!expired)
            {
                LogWatchdog(logger, resource, scope.Name, options.WatchdogTimeout.TotalSeconds);
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
        {
            expired = true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            streamError ??= e;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (expired)
        {
            return WatchOutcome.Expired;
        }

        if (streamError is not null)
        {
            LogWatchFailed(logger, resource, scope.Name, streamError);
            return WatchOutcome.Failed;
        }

        if (delivered > 0)
        {
            scope.Backoff.Reset();
        }

        return WatchOutcome.Ended;
    }

    private void Apply(InformerScope scope, WatchEventType type, T obj)
    {
        scope.LastResourceVersion = obj.Metadata?.ResourceVersion ?? scope.LastResourceVersion;
        switch (type)
        {
            case WatchEventType.Added:
            case WatchEventType.Modified:
                var previous = Cache.Upsert(obj, out var ownWrite);
                if (previous is null)
                {
                    Notify(h => h.OnAdd(obj), ownWrite);
                }
                else
                {
                    Notify(h => h.OnUpdate(previous, obj), ownWrite);
                }

                break;
            case WatchEventType.Deleted:
                Cache.Remove(ObjectKey.Of(obj));
                Notify(h => h.OnDelete(obj));
                break;
            default:
                // Bookmarks carry only a resourceVersion, already taken above.
                break;
        }
    }

    private static bool IsExpired(Exception e) => e switch
    {
        KubernetesException { Status: { } status } => status.Code == (int)HttpStatusCode.Gone || status.Reason is "Expired" or "Gone",
        HttpOperationException http => http.Response.StatusCode == HttpStatusCode.Gone,
        _ => false,
    };
}
