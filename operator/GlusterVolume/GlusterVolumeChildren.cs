using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.Runtime.Writes;

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>The Kubernetes side effects of one reconcile: every child the builders describe, created or patched where it drifted.</summary>
internal sealed class GlusterVolumeChildren(GlusterVolumeResources kinds, Api.GlusterVolume resource, List<string> changes)
{
    private readonly OwnedChildren children = new(resource, changes);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await children.ApplyAsync(kinds.Services, ServiceBuilder.Peers(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.DisruptionBudgets, DisruptionBudgetBuilder.Build(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.StatefulSets, StatefulSetBuilder.Build(resource), cancellationToken).ConfigureAwait(false);
    }
}
