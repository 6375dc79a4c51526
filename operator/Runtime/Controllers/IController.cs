using BackendStack.Operator.Runtime.Informers;

namespace BackendStack.Operator.Runtime.Controllers;

/// <summary>What the manager runs: a controller's workers (leader only) and the informers it reads.</summary>
internal interface IController
{
    string Name { get; }

    IReadOnlyList<IInformer> Informers { get; }

    /// <summary>Runs the workers until <paramref name="cancellationToken"/> is cancelled, then shuts the queue down.</summary>
    Task RunWorkersAsync(CancellationToken cancellationToken);
}
