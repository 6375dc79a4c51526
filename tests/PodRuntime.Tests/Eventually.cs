using k8s;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Polls until a value satisfies a condition; a read that throws counts as not yet. Failures name what was awaited and what was last seen.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var seen = "nothing yet";
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }

                seen = value is IKubernetesObject ? KubernetesJson.Serialize(value) : $"{value}";
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                seen = $"{e.GetType().Name}: {e.Message}";
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}; last seen: {seen}{(context is null ? "" : "\n" + context())}");
            }

            await Task.Delay(100);
        }
    }
}
