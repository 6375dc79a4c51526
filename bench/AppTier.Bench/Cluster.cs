using BackendStack.Operator.Api;
using k8s;
using k8s.Models;

namespace BackendStack.Bench;

/// <summary>Setting up the emulated cluster (the repository's CRDs, a namespace) and reading the tiers back.</summary>
internal static class Cluster
{
    public static async Task PrepareAsync(Kubernetes client, string ns, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "crds"), "*_*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }

        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken);
    }

    /// <summary>A kubeconfig for the emulator; the client insists on some credential, and the emulator accepts any.</summary>
    public static string Kubeconfig(Uri server) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: emulator
          cluster:
            server: {server.ToString().TrimEnd('/')}
        users:
        - name: bench
          user:
            token: bench
        contexts:
        - name: emulator
          context:
            cluster: emulator
            user: bench
        current-context: emulator

        """;

    public static async Task<List<AppTier>> ListTiersAsync(Kubernetes client, string ns, CancellationToken cancellationToken)
    {
        var tiers = new List<AppTier>();
        string? continueToken = null;
        do
        {
            var page = await client.CustomObjects.ListNamespacedCustomObjectAsync<TierList>(
                AppTier.Group, AppTier.Version, ns, AppTier.Plural, continueParameter: continueToken, limit: 500, cancellationToken: cancellationToken);
            tiers.AddRange(page.Items);
            continueToken = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return tiers;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    /// <summary>The LIST body of AppTiers.</summary>
    internal sealed class TierList
    {
        [System.Text.Json.Serialization.JsonPropertyName("metadata")]
        public V1ListMeta Metadata { get; set; } = new();

        [System.Text.Json.Serialization.JsonPropertyName("items")]
        public List<AppTier> Items { get; set; } = [];
    }
}
