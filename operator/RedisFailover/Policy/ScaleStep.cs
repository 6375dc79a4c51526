namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>
/// Replicas for a StatefulSet on the way to the spec: everything at once on creation, then one pod
/// per step, up only when every current pod is ready, down never by removing the master (Sentinel
/// is asked to fail over first).
/// </summary>
internal static class ScaleStep
{
    public static int Next(int? current, int desired, int readyPods, int? masterOrdinal)
    {
        if (current is not { } now || now == desired)
        {
            return desired;
        }

        if (desired > now)
        {
            return readyPods >= now ? now + 1 : now;
        }

        return masterOrdinal == now - 1 ? now : now - 1;
    }
}
