namespace BackendStack.Tests.Controllers;

/// <summary>Polls a condition until it holds or the time is up (no fixed sleeps).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                last = e;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"timed out after {timeout.TotalSeconds:F0} s waiting for {what}", last);
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);
}
