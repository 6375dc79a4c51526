using BackendStack.Operator.DataPlane.Redis;
using BackendStack.Operator.RedisFailovers.Policy;
using StackExchange.Redis;

namespace BackendStack.Operator.RedisFailovers.Healing;

/// <summary>Brings running servers back to the desired directives with CONFIG SET, without a restart.</summary>
internal sealed class ConfigDriftCorrector(IRedisNodeClient nodes)
{
    /// <summary>Returns, per node, the directives corrected and those Redis refused (e.g. not settable at runtime).</summary>
    public async Task<IReadOnlyList<(RedisNodeObservation Node, string Directive, string? Error)>> CorrectAsync(
        IEnumerable<RedisNodeObservation> reachable,
        IReadOnlyDictionary<string, string> desired,
        CancellationToken cancellationToken)
    {
        var results = new List<(RedisNodeObservation, string, string?)>();
        foreach (var node in reachable)
        {
            IReadOnlyDictionary<string, string> running;
            try
            {
                running = await nodes.ConfigGetAsync(node.Endpoint, "*", cancellationToken).ConfigureAwait(false);
            }
            catch (RedisException e)
            {
                results.Add((node, "*", e.Message));
                continue;
            }

            foreach (var (key, value) in ConfigDriftPolicy.Drift(desired, running))
            {
                try
                {
                    await nodes.ConfigSetAsync(node.Endpoint, key, value, cancellationToken).ConfigureAwait(false);
                    results.Add((node, key, null));
                }
                catch (RedisException e)
                {
                    results.Add((node, key, e.Message));
                }
            }
        }

        return results;
    }
}
