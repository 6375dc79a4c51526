using System.Runtime.CompilerServices;
using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Runtime;

/// <summary>A resource client whose lists and watches a test scripts; any write is a test error.</summary>
internal sealed class ScriptedClient : IResourceClient<V1ConfigMap>
{
    public ResourceType Type { get; } = new(string.Empty, "v1", "configmaps", "ConfigMap");

    public int Lists { get; private set; }

    public Queue<Func<ResourcePage<V1ConfigMap>>> ListAnswers { get; } = new();

    public Queue<Func<Action<Exception>, IAsyncEnumerable<(WatchEventType, V1ConfigMap)>>> WatchAnswers { get; } = new();

    public List<string> WatchedFrom { get; } = [];

    public Task<ResourcePage<V1ConfigMap>> ListAsync(string? @namespace, int limit, string? continueToken, CancellationToken cancellationToken)
    {
        Lists++;
        return Task.FromResult(ListAnswers.Dequeue()());
    }

    public async IAsyncEnumerable<(WatchEventType Type, V1ConfigMap Object)> WatchAsync(
        string? @namespace, string resourceVersion, int timeoutSeconds, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        WatchedFrom.Add(resourceVersion);
        if (!WatchAnswers.TryDequeue(out var answer))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        await foreach (var e in answer(onError).WithCancellation(cancellationToken))
        {
            yield return e;
        }
    }

    public Task<V1ConfigMap?> GetAsync(string @namespace, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1ConfigMap> CreateAsync(V1ConfigMap obj, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1ConfigMap> ReplaceAsync(V1ConfigMap obj, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1ConfigMap> PatchAsync(string @namespace, string name, V1Patch patch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<V1ConfigMap> ReplaceStatusAsync(V1ConfigMap obj, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(string @namespace, string name, V1DeleteOptions? options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public static V1ConfigMap Map(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", ResourceVersion = resourceVersion } };

    public static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Events(params (WatchEventType Type, V1ConfigMap Object)[] events)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }
}
