namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// Exponential backoff with jitter for list/watch retries (client-go's reflector: 800 ms doubling to 30 s). Each
/// delay is the step's nominal value stretched by up to 20 % at random, so many informers do not retry in lockstep.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
{
    private const double Jitter = 0.2;
    private int failures;

    public int Failures => failures;

    public TimeSpan Next()
    {
        var nominal = initial.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 30));
        failures++;
        var jittered = Math.Min(nominal, max.TotalMilliseconds) * (1 + (Jitter * random.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }

    public void Reset() => failures = 0;
}
