using System.Text;
using BackendStack.PodRuntime;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

public sealed class ContainerEnvironmentTests
{
    private static V1Pod Pod(params V1EnvVar[] env) => new()
    {
        Metadata = new V1ObjectMeta { Name = "api-0", NamespaceProperty = "shop", Uid = "u1", Labels = new Dictionary<string, string> { ["tier"] = "api" } },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "api", Image = "app", Env = env }] },
        Status = new V1PodStatus { PodIP = "127.0.3.4" },
    };

    private static InMemoryCluster Cluster()
    {
        var cluster = new InMemoryCluster();
        cluster.Put(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "auth", NamespaceProperty = "shop" },
            Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("s3cret") },
        });
        cluster.Put(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", NamespaceProperty = "shop" },
            Data = new Dictionary<string, string> { ["mode"] = "fast" },
        });
        return cluster;
    }

    [Fact]
    public void ResolvesValuesFromSecretsConfigMapsAndFieldsAndExpandsReferences()
    {
        var pod = Pod(
            new V1EnvVar { Name = "PASSWORD", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "auth", Key = "password" } } },
            new V1EnvVar { Name = "MODE", ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = "settings", Key = "mode" } } },
            new V1EnvVar { Name = "POD_IP", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "status.podIP" } } },
            new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
            new V1EnvVar { Name = "POD_NAMESPACE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.namespace" } } },
            new V1EnvVar { Name = "TIER", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.labels['tier']" } } },
            new V1EnvVar { Name = "ADDRESS", Value = "$(POD_IP):6379 $$(POD_IP) $(UNDEFINED)" });

        var env = ContainerEnvironment.Build(pod, pod.Spec.Containers[0], Cluster());

        Assert.Equal("s3cret", env["PASSWORD"]);
        Assert.Equal("fast", env["MODE"]);
        Assert.Equal("127.0.3.4", env["POD_IP"]);
        Assert.Equal("api-0", env["POD_NAME"]);
        Assert.Equal("shop", env["POD_NAMESPACE"]);
        Assert.Equal("api", env["TIER"]);
        Assert.Equal("127.0.3.4:6379 $(POD_IP) $(UNDEFINED)", env["ADDRESS"]);
        Assert.Equal("api-0", env["HOSTNAME"]);
    }

    [Fact]
    public void MissingKeyIsAConfigErrorNamingItUnlessOptional()
    {
        var missing = Pod(new V1EnvVar { Name = "X", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "auth", Key = "nope" } } });
        var optional = Pod(new V1EnvVar { Name = "X", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "auth", Key = "nope", Optional = true } } });

        var error = Assert.Throws<ContainerConfigException>(() => ContainerEnvironment.Build(missing, missing.Spec.Containers[0], Cluster()));
        Assert.Contains("\"nope\"", error.Message, StringComparison.Ordinal);
        Assert.False(ContainerEnvironment.Build(optional, optional.Spec.Containers[0], Cluster()).ContainsKey("X"));
    }
}
