using System.Text;
using BackendStack.Operator.ProxySQLs.Builders;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.ProxySQLs;

/// <summary>
/// The Kubernetes side effects of one reconcile: the admin Secret (created once, never rewritten), every child the
/// builders describe, and the reads of the cluster's Secrets (a Secret the user names is read by name, never cached).
/// </summary>
internal sealed class ProxySqlChildren(ProxySqlResources kinds, Api.ProxySQL resource, List<string> changes)
{
    private readonly string ns = resource.Metadata.NamespaceProperty;
    private readonly ProxySqlNames names = new(resource.Metadata.Name);
    private readonly OwnedChildren children = new(resource, changes);

    /// <summary>The operator's admin password, creating the admin Secret when it does not exist; null when the Secret lacks its key.</summary>
    public async Task<string?> EnsureOperatorPasswordAsync(CancellationToken cancellationToken)
    {
        var secret = await ReadAsync(names.AdminSecret, cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            secret = await kinds.Secrets.Client.CreateAsync(AdminSecretBuilder.Build(resource, AdminSecretBuilder.NewPassword()), cancellationToken).ConfigureAwait(false);
            kinds.Secrets.Cache.RecordWrite(secret);
            changes.Add($"created Secret {names.AdminSecret}");
        }

        return Value(secret, ProxySqlNames.OperatorPasswordKey);
    }

    public async Task ApplyAsync(string clusterSecret, string proxyAdminKey, CancellationToken cancellationToken)
    {
        await children.ApplyAsync(kinds.ConfigMaps, ConfigMapBuilder.Build(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.Services, ServiceBuilder.Peers(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.Services, ServiceBuilder.Client(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.DisruptionBudgets, DisruptionBudgetBuilder.Build(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.StatefulSets, StatefulSetBuilder.Build(resource, clusterSecret, proxyAdminKey), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One key of a Secret in the namespace, or null when the Secret or the key is missing.</summary>
    public async Task<string?> SecretValueAsync(string secret, string key, CancellationToken cancellationToken) =>
        Value(await ReadAsync(secret, cancellationToken).ConfigureAwait(false), key);

    private static string? Value(V1Secret? secret, string key) =>
        secret?.Data?.TryGetValue(key, out var bytes) == true && bytes is { Length: > 0 } ? Encoding.UTF8.GetString(bytes) : null;

    private Task<V1Secret?> ReadAsync(string name, CancellationToken cancellationToken) => kinds.Secrets.GetOrReadAsync(ns, name, cancellationToken);
}
