using BackendStack.Operator.Api;
using MySqlConnector;
using static BackendStack.PodRuntime.Tests.PerconaClusterOnPods;

namespace BackendStack.PodRuntime.Tests;

/// <summary>
/// PerconaCluster end to end through Pods: the operator (its own process) writes its Secret, ConfigMap, Services and
/// StatefulSet; the local runtime runs each node as a real mariadbd with Galera and the operator's start script.
/// </summary>
[Collection(GaleraTestGroup.Name)]
public sealed class PerconaClusterPodTests
{
    [Fact]
    public async Task ThreeNodesBootstrapToReadyEveryNodeTakesWritesTheOthersReadAndTheApplicationUserSeesOnlyItsDatabase()
    {
        await using var stack = await StartAsync();
        var ready = await CreateReadyAsync(stack);
        Assert.Equal(3, ready.Status.Nodes!.Count);
        Assert.All(ready.Status.Nodes, n => Assert.Equal(("Synced", 3, true), (n.State, n.ClusterSize, n.Ready)));
        Assert.Equal(3, ready.Status.Ready);

        await using (var first = await ConnectAsync(stack.Client, 0))
        {
            await ScalarAsync(first, "CREATE TABLE shop.orders (id INT PRIMARY KEY, item TEXT); INSERT INTO shop.orders VALUES (1, 'written on node 0')");
        }

        await using (var last = await ConnectAsync(stack.Client, 2))
        {
            // Galera applies a commit on the other nodes asynchronously: a causal read waits for it.
            await ScalarAsync(last, "SET SESSION wsrep_sync_wait = 1");
            Assert.Equal("written on node 0", await ScalarAsync(last, "SELECT item FROM shop.orders WHERE id = 1"));
            await ScalarAsync(last, "INSERT INTO shop.orders VALUES (2, 'written on node 2')");
        }

        await using (var first = await ConnectAsync(stack.Client, 0))
        {
            await ScalarAsync(first, "SET SESSION wsrep_sync_wait = 1");
            Assert.Equal("written on node 2", await ScalarAsync(first, "SELECT item FROM shop.orders WHERE id = 2"));
        }

        await AssertApplicationUserAsync(stack);
    }

    /// <summary>The application user of spec.users logs in to its own database only, with the password of its generated Secret.</summary>
    private static async Task AssertApplicationUserAsync(OperatorOnLocalPods stack)
    {
        var password = await SecretValueAsync(stack.Client, "db-user-shop", "password");
        Assert.Equal("shop", await SecretValueAsync(stack.Client, "db-user-shop", "username"));
        await using var shop = await ConnectAsync(stack.Client, 1, "shop", password, "shop");
        await ScalarAsync(shop, "CREATE TABLE carts (id INT PRIMARY KEY)");
        Assert.Equal(0L, await ScalarAsync(shop, "SELECT COUNT(*) FROM carts"));
        var denied = await Assert.ThrowsAsync<MySqlException>(() => ScalarAsync(shop, "SELECT COUNT(*) FROM mysql.user"));
        Assert.Equal(MySqlErrorCode.TableAccessDenied, denied.ErrorCode);
        await Assert.ThrowsAsync<MySqlException>(() => ScalarAsync(shop, "CREATE DATABASE other"));
        await Assert.ThrowsAsync<MySqlException>(() => ConnectAsync(stack.Client, 1, "shop", "wrong-password", "shop"));
    }
}
