using BackendStack.Operator.Api;
using BackendStack.Operator.RedisFailovers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using RedisFailoverResource = BackendStack.Operator.Api.RedisFailover;

namespace BackendStack.Tests.Controllers;

/// <summary>
/// A Secret the user names in <c>spec.auth.secretName</c> and the operator did not create: read by name at every check,
/// never cached (nor watched), so a change to it is seen within the check interval.
/// </summary>
public sealed class UserNamedSecretTests
{
    private const string Ns = ClusterUnderTest.Namespace;
    private const string SecretName = "cache-password";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AChangeToTheNamedSecretIsReadAtTheNextCheckWithoutCachingIt()
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync();

        // The user's Secret holds the password under the wrong key: the resource is invalid until the Secret is fixed.
        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = SecretName }, StringData = new Dictionary<string, string> { ["pass"] = "first" } }, Ns);
        var rf = new RedisFailoverResource { Metadata = new V1ObjectMeta { Name = "cache", NamespaceProperty = Ns } };
        rf.Spec.Auth = new RedisAuthSpec { SecretName = SecretName };
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(rf, RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural);
        await Poll.UntilAsync(async () => InvalidSecret((await GetAsync(cluster)).Status), Timeout, "the resource to report the Secret's missing key");

        // Only the Secret is changed (the resource is not): no watch event can carry this, only the next check's GET.
        var getsBefore = cluster.Emulator.Requests.Count("get", "secrets");
        await cluster.Client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch(new { stringData = new Dictionary<string, string> { ["password"] = "second" } }, V1Patch.PatchType.MergePatch), SecretName, Ns);
        await Poll.UntilAsync(async () => (await GetAsync(cluster)).Status is { } s && !InvalidSecret(s), Timeout, "the next check to read the fixed Secret");

        Assert.True(cluster.Emulator.Requests.Count("get", "secrets") > getsBefore);
        Assert.Null(op.Services.GetRequiredService<RedisFailoverResources>().Secrets.Get(Ns, SecretName));
        Assert.All(cluster.Emulator.Requests.CollectionReads("secrets"), r => Assert.Equal("app.kubernetes.io/managed-by=backendstack-operator", r.LabelSelector));
        var secrets = await cluster.Client.CoreV1.ListNamespacedSecretAsync(Ns);
        Assert.Equal([SecretName], secrets.Items.Select(s => s.Metadata.Name));

        // The pods read the password from that Secret when they start (environment), as the StatefulSet renders it.
        var redis = await cluster.Client.AppsV1.ReadNamespacedStatefulSetAsync("cache-redis", Ns);
        var env = redis.Spec.Template.Spec.Containers.SelectMany(c => c.Env ?? []).First(e => e.Name == "REDIS_PASSWORD");
        Assert.Equal((SecretName, "password"), (env.ValueFrom.SecretKeyRef.Name, env.ValueFrom.SecretKeyRef.Key));
    }

    private static bool InvalidSecret(RedisFailoverStatus? status) =>
        status?.Conditions?.Any(c => c.Reason == ConditionReasons.InvalidSpec && c.Message.Contains(SecretName, StringComparison.Ordinal)) == true;

    private static Task<RedisFailoverResource> GetAsync(ClusterUnderTest cluster) =>
        cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<RedisFailoverResource>(
            RedisFailoverResource.Group, RedisFailoverResource.Version, Ns, RedisFailoverResource.Plural, "cache");
}
