using BackendStack.Emulator;
using BackendStack.Operator.Runtime.Clients;
using k8s;
using k8s.Models;

namespace BackendStack.Tests.Runtime;

public sealed class SharedStringsTests
{
    [Fact]
    public async Task ObjectsListedThroughASharingClientHoldOneCopyOfARepeatedLabelAndTheirOwnDistinctNames()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { BuiltInControllers = false });
        using var plain = new Kubernetes(emulator.CreateClientConfiguration());
        foreach (var name in new[] { "first", "second" })
        {
            await plain.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "shop" } },
                Data = new Dictionary<string, string> { ["key"] = new string('x', 200) },
            }, "default");
        }

        using var sharing = new Kubernetes(SharedStrings.Share(emulator.CreateClientConfiguration()));
        var shared = (await sharing.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Where(c => c.Metadata.Labels is not null).OrderBy(c => c.Metadata.Name).ToList();
        var copied = (await plain.CoreV1.ListNamespacedConfigMapAsync("default")).Items.Where(c => c.Metadata.Labels is not null).OrderBy(c => c.Metadata.Name).ToList();

        Assert.Equal(["first", "second"], shared.Select(c => c.Metadata.Name));
        Assert.Same(shared[0].Metadata.Labels["app.kubernetes.io/part-of"], shared[1].Metadata.Labels["app.kubernetes.io/part-of"]);
        Assert.Same(shared[0].Metadata.Labels.Keys.Single(), shared[1].Metadata.Labels.Keys.Single());
        Assert.NotSame(copied[0].Metadata.Labels["app.kubernetes.io/part-of"], copied[1].Metadata.Labels["app.kubernetes.io/part-of"]);
        Assert.Equal(new string('x', 200), shared[1].Data["key"]);
    }
}
