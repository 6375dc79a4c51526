using BackendStack.Tests.Controllers;
using Xunit.Abstractions;

namespace BackendStack.Tests.Redis;

/// <summary>
/// A RedisFailover scenario against the emulator, the operator and a real server for every pod; when it
/// fails, the operator's log and each server's log tail go to the test output.
/// </summary>
internal static class RedisScenario
{
    public static async Task RunAsync(ITestOutputHelper output, string name, Func<ClusterUnderTest, RedisPodRunner, Task> scenario)
    {
        await using var cluster = await ClusterUnderTest.StartAsync();
        await using var op = await cluster.StartOperatorAsync();
        await using var runner = new RedisPodRunner(cluster.Client, ClusterUnderTest.Namespace, name);
        try
        {
            await scenario(cluster, runner);
        }
        catch (Exception)
        {
            await ScenarioDiagnostics.WriteAsync(output, op, runner);
            throw;
        }
    }
}
