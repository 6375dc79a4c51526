using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>
/// The typed-API calls of one built-in kind, so one generic client can serve every built-in kind. List takes
/// (namespace, label selector, limit, continue); Watch takes (namespace, label selector, resourceVersion, timeout, onError).
/// </summary>
internal sealed record BuiltInVerbs<T, TList>(
    Func<string?, string?, int, string?, CancellationToken, Task<HttpOperationResponse<TList>>> List,
    Func<string?, string?, string, int, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> Watch,
    Func<string, string, CancellationToken, Task<T>> Read,
    Func<T, CancellationToken, Task<T>> Create,
    Func<T, CancellationToken, Task<T>> Replace,
    Func<V1Patch, string, string, CancellationToken, Task<T>> Patch,
    Func<string, string, V1DeleteOptions?, CancellationToken, Task> Delete);
