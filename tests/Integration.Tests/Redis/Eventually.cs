namespace BackendStack.Tests.Redis;

/// <summary>Polls a condition until it holds or the time is up; failures name what was awaited.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                last = e;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"timed out waiting for {what}" + (last is null ? "" : $" (last error: {last.Message})"));
    }

    public static async Task<T> StructAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : struct =>
        (T)await ValueAsync<object>(async () => await probe(), what, timeout);

    public static Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        ValueAsync<object>(async () => await probe() ? true : null, what, timeout);
}
