using StackExchange.Redis;

namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>
/// How long a connection to an instance waits before its next reconnect: 250 ms, doubling with each failed attempt,
/// capped at 2 s. A pod that never answers back (deleted, not yet started) then costs a few attempts a second at
/// first and one every 2 s after, instead of four a second for as long as the connection lives.
/// </summary>
internal sealed class RedisReconnectBackoff : IReconnectRetryPolicy
{
    public const int FirstDelayMs = 250;
    public const int MaxDelayMs = 2000;

    public static int DelayMs(long failedAttempts) =>
        (int)Math.Min(MaxDelayMs, FirstDelayMs * Math.Pow(2, Math.Clamp(failedAttempts, 0, 16)));

    public bool ShouldRetry(long currentRetryCount, int timeElapsedMillisecondsSinceLastRetry) =>
        timeElapsedMillisecondsSinceLastRetry >= DelayMs(currentRetryCount);
}
