using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using StackExchange.Redis;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>
/// Carries out a heal plan on the data plane, step by step. A failing step is reported and the
/// rest still run: each step is independent and the next check retries what failed.
/// </summary>
internal sealed class HealExecutor(ISentinelClient sentinels, IRedisNodeClient nodes)
{
    public async Task<IReadOnlyList<HealOutcome>> ExecuteAsync(HealPlan plan, string masterName, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outcomes = new List<HealOutcome>();
        foreach (var action in plan.Actions)
        {
            try
            {
                await RunAsync(action, masterName, password, cancellationToken).ConfigureAwait(false);
                outcomes.Add(new HealOutcome(action, null));
            }
            catch (RedisException e)
            {
                outcomes.Add(new HealOutcome(action, e.Message));
            }
        }

        return outcomes;
    }

    private async Task RunAsync(HealAction action, string masterName, string? password, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case PromoteReplica p:
                await nodes.ReplicaOfAsync(p.Node.Endpoint, null, cancellationToken).ConfigureAwait(false);
                break;
            case DemoteSecondMaster d:
                await nodes.ReplicaOfAsync(d.Node.Endpoint, d.Master, cancellationToken).ConfigureAwait(false);
                break;
            case RepointReplica r:
                await nodes.ReplicaOfAsync(r.Node.Endpoint, r.Master, cancellationToken).ConfigureAwait(false);
                break;
            case MonitorMaster m:
                if (m.RemoveFirst)
                {
                    await sentinels.RemoveAsync(m.Sentinel, masterName, cancellationToken).ConfigureAwait(false);
                }

                await sentinels.MonitorAsync(m.Sentinel, masterName, m.Master, m.Settings, password, cancellationToken).ConfigureAwait(false);
                break;
            case UpdateSentinelSettings u:
                await sentinels.SetAsync(u.Sentinel, masterName, u.Settings, cancellationToken).ConfigureAwait(false);
                break;
            case ResetSentinel s:
                await sentinels.ResetAsync(s.Sentinel, masterName, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "unknown heal step");
        }
    }
}
