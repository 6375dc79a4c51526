using System.Collections.Concurrent;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.PodRuntime.ApiServer;

/// <summary>
/// An in-memory copy of every object of one kind: list, then watch from the list's
/// resourceVersion; when the watch ends or fails (410 Expired included), list again.
/// </summary>
internal sealed partial class ResourceMirror<T, TList>(
    Func<CancellationToken, Task<TList>> list,
    Func<string, CancellationToken, IAsyncEnumerable<(WatchEventType Type, T Item)>> watch,
    Action changed,
    ILogger logger)
    where T : IKubernetesObject<V1ObjectMeta>
    where TList : IItems<T>, IMetadata<V1ListMeta>
{
    private static readonly string Kind = typeof(T).Name;
    private readonly ConcurrentDictionary<(string Namespace, string Name), T> items = new();
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Synced => synced.Task;

    public T? Get(string namespaceName, string name) => items.TryGetValue((namespaceName, name), out var item) ? item : default;

    public IReadOnlyList<T> List() => [.. items.Values];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var response = await list(cancellationToken).ConfigureAwait(false);
                var fresh = response.Items.ToDictionary(Key);
                foreach (var key in items.Keys.Where(k => !fresh.ContainsKey(k)))
                {
                    items.TryRemove(key, out _);
                }

                foreach (var (key, item) in fresh)
                {
                    items[key] = item;
                }

                synced.TrySetResult();
                changed();
                await foreach (var (type, item) in watch(response.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false))
                {
                    if (type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        items[Key(item)] = item;
                    }
                    else if (type is WatchEventType.Deleted)
                    {
                        items.TryRemove(Key(item), out _);
                    }

                    changed();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or KubernetesException or InvalidOperationException)
            {
                // Safe to drop: the next list replaces the whole copy, so nothing the failed call missed stays missing.
                LogRelisting(logger, e, Kind);
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "mirror of {Kind}: list or watch failed; listing again in 500 ms")]
    private static partial void LogRelisting(ILogger logger, Exception error, string kind);

    private static (string, string) Key(T item) => (item.Metadata.NamespaceProperty ?? "", item.Metadata.Name);
}
