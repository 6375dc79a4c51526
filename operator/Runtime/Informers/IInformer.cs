using BackendStack.Operator.Runtime.Clients;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>What the manager needs of every informer regardless of kind: run it, and know when it has synced.</summary>
internal interface IInformer
{
    ResourceType Type { get; }

    bool HasSynced { get; }

    Task RunAsync(CancellationToken cancellationToken);

    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
