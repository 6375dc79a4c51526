using BackendStack.Operator.RedisFailovers.Builders;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.RedisFailovers;

/// <summary>
/// The Kubernetes side effects of one reconcile: the auth Secret (created once, never rewritten),
/// then every child the builders describe, created or patched where it drifted.
/// </summary>
internal sealed class RedisFailoverChildren(RedisFailoverResources kinds, Api.RedisFailover resource, List<string> changes)
{
    private readonly string ns = resource.Metadata.NamespaceProperty;
    private readonly OwnedChildren children = new(resource, changes);

    /// <summary>
    /// The password from the auth Secret, creating the Secret with a random one when it does not exist. The cache holds
    /// only the Secret the operator generated; a Secret the user names is read by name (GET) at every check.
    /// </summary>
    public async Task<string?> EnsurePasswordAsync(CancellationToken cancellationToken)
    {
        var names = new RedisFailoverNames(resource.Metadata.Name);
        var secret = await kinds.Secrets.GetOrReadAsync(ns, names.AuthSecret(resource), cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            secret = await kinds.Secrets.Client.CreateAsync(AuthSecretBuilder.Build(resource, AuthSecretBuilder.NewPassword()), cancellationToken).ConfigureAwait(false);
            kinds.Secrets.Cache.RecordWrite(secret);
            changes.Add("created Secret");
        }

        return secret.Data?.TryGetValue(RedisFailoverNames.PasswordKey, out var bytes) == true && bytes.Length > 0
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : null;
    }

    public async Task<(V1StatefulSet Redis, V1StatefulSet Sentinel)> ApplyAsync(RedisConfiguration configuration, int redisReplicas, int sentinelReplicas, CancellationToken cancellationToken)
    {
        await children.ApplyAsync(kinds.ConfigMaps, ConfigMapBuilder.Redis(resource, configuration), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.ConfigMaps, ConfigMapBuilder.Sentinel(resource), cancellationToken).ConfigureAwait(false);
        foreach (var service in ServiceBuilder.All(resource))
        {
            await children.ApplyAsync(kinds.Services, service, cancellationToken).ConfigureAwait(false);
        }

        foreach (var budget in DisruptionBudgetBuilder.All(resource))
        {
            await children.ApplyAsync(kinds.DisruptionBudgets, budget, cancellationToken).ConfigureAwait(false);
        }

        var redis = StatefulSetBuilder.Redis(resource, configuration);
        redis.Spec.Replicas = redisReplicas;
        var sentinel = StatefulSetBuilder.Sentinel(resource);
        sentinel.Spec.Replicas = sentinelReplicas;
        return (await children.ApplyAsync(kinds.StatefulSets, redis, cancellationToken).ConfigureAwait(false),
                await children.ApplyAsync(kinds.StatefulSets, sentinel, cancellationToken).ConfigureAwait(false));
    }
}
