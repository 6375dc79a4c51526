using System.Text;
using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;
using BackendStack.Operator.Runtime.Writes;
using k8s.Models;

namespace BackendStack.Operator.PerconaClusters;

/// <summary>
/// The Kubernetes side effects of one reconcile: the Secrets with generated passwords (created once, never rewritten;
/// a Secret the user names is read by name, never cached), then every child the builders describe.
/// </summary>
internal sealed class PerconaClusterChildren(PerconaClusterResources kinds, Api.PerconaCluster resource, List<string> changes)
{
    private readonly string ns = resource.Metadata.NamespaceProperty;
    private readonly PerconaClusterNames names = new(resource.Metadata.Name);
    private readonly OwnedChildren children = new(resource, changes);

    /// <summary>The system users' passwords, creating the Secret when it does not exist; an error names a missing key.</summary>
    public async Task<(IReadOnlyDictionary<string, string>? Passwords, SpecError? Error)> EnsureSystemPasswordsAsync(CancellationToken cancellationToken)
    {
        var name = names.Secret(resource);
        var secret = await ReadAsync(name, cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            secret = await kinds.Secrets.Client.CreateAsync(UsersSecretBuilder.ForSystemUsers(resource, UsersSecretBuilder.NewPassword), cancellationToken).ConfigureAwait(false);
            kinds.Secrets.Cache.RecordWrite(secret);
            changes.Add($"created Secret {name}");
        }

        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in SystemUsers.SecretKeys)
        {
            if (secret.Data?.TryGetValue(key, out var bytes) != true || bytes!.Length == 0)
            {
                return (null, new SpecError("spec.secretName", $"Secret {name} has no '{key}' key (it needs {string.Join(", ", SystemUsers.SecretKeys)})"));
            }

            passwords[key] = Encoding.UTF8.GetString(bytes);
        }

        return (passwords, null);
    }

    /// <summary>Each application user with its password (generated Secrets created when absent); users whose Secret is unusable come back as errors.</summary>
    public async Task<(IReadOnlyList<DesiredUser> Users, IReadOnlyList<SpecError> Errors)> EnsureApplicationUsersAsync(CancellationToken cancellationToken)
    {
        var users = new List<DesiredUser>();
        var errors = new List<SpecError>();
        var specUsers = resource.Spec.Users ?? [];
        for (var i = 0; i < specUsers.Count; i++)
        {
            var user = specUsers[i];
            var name = Api.PerconaClusterUserSecrets.NameOf(resource.Metadata.Name, user);
            var secret = await ReadAsync(name, cancellationToken).ConfigureAwait(false);
            if (secret is null && user.SecretName is null)
            {
                secret = await kinds.Secrets.Client.CreateAsync(UsersSecretBuilder.ForApplicationUser(resource, user, UsersSecretBuilder.NewPassword()), cancellationToken).ConfigureAwait(false);
                kinds.Secrets.Cache.RecordWrite(secret);
                changes.Add($"created Secret {name}");
            }

            if (secret?.Data?.TryGetValue(UsersSecretBuilder.PasswordKey, out var bytes) != true || bytes!.Length == 0)
            {
                errors.Add(new SpecError($"spec.users[{i}].secretName", secret is null ? $"Secret {name} not found" : $"Secret {name} has no '{UsersSecretBuilder.PasswordKey}' key"));
                continue;
            }

            users.Add(new DesiredUser(user.Name, [.. user.Databases], Encoding.UTF8.GetString(bytes)));
        }

        return (users, errors);
    }

    public async Task<V1StatefulSet> ApplyAsync(NodeConfig nodeConfig, int replicas, bool newCluster, CancellationToken cancellationToken)
    {
        await children.ApplyAsync(kinds.ConfigMaps, ConfigMapBuilder.Build(resource, nodeConfig, Math.Max(replicas, resource.Spec.Size), newCluster), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.Services, ServiceBuilder.Peers(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.Services, ServiceBuilder.Client(resource), cancellationToken).ConfigureAwait(false);
        await children.ApplyAsync(kinds.DisruptionBudgets, DisruptionBudgetBuilder.Build(resource), cancellationToken).ConfigureAwait(false);
        return await children.ApplyAsync(kinds.StatefulSets, StatefulSetBuilder.Build(resource, nodeConfig, replicas), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ConfigMap's bootstrap key as it is now: whether the cluster has never formed.</summary>
    public bool? NewClusterRecorded() =>
        kinds.ConfigMaps.Get(ns, names.ConfigMap)?.Data?.TryGetValue(PerconaClusterNames.BootstrapKey, out var value) == true ? value == PerconaClusterNames.NewCluster : null;

    /// <summary>Sets (a time) or removes (null) the pod's <see cref="PerconaClusterLabels.LeavingWriterAnnotation"/>.</summary>
    public async Task MarkLeavingWriterAsync(V1Pod pod, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var value = at?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["annotations"] = new System.Text.Json.Nodes.JsonObject { [PerconaClusterLabels.LeavingWriterAnnotation] = value },
            },
        };
        try
        {
            var patched = await kinds.Pods.Client.PatchAsync(ns, pod.Metadata.Name, new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch), cancellationToken).ConfigureAwait(false);
            kinds.Pods.Cache.RecordWrite(patched);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
        {
            changes.Add($"Pod {pod.Metadata.Name} changed meanwhile ({(int)e.Response.StatusCode}); its mark waits for the next reconcile");
            return;
        }

        changes.Add(at is null ? $"Pod {pod.Metadata.Name} no longer leaving the writer" : $"Pod {pod.Metadata.Name} leaving the writer");
    }

    /// <summary>Deletes one pod, conditionally on its uid (the StatefulSet recreates it from the current template).</summary>
    public async Task DeletePodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        await kinds.Pods.Client.DeleteAsync(ns, pod.Metadata.Name, new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken).ConfigureAwait(false);
        changes.Add($"deleted Pod {pod.Metadata.Name}");
    }

    private Task<V1Secret?> ReadAsync(string name, CancellationToken cancellationToken) => kinds.Secrets.GetOrReadAsync(ns, name, cancellationToken);
}
