using k8s;
using k8s.Models;

namespace BackendStack.Tests.Controllers;

/// <summary>Installs the CRDs the repository ships (crds/*.yaml) into a cluster under test.</summary>
internal static class CustomResourceDefinitions
{
    public static async Task InstallAsync(IKubernetes client)
    {
        // One CRD per file; the Kustomization beside them is not a CRD.
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "crds"), "*_*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Operator.sln not found above " + AppContext.BaseDirectory);
    }
}
