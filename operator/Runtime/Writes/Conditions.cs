using k8s.Models;

namespace BackendStack.Operator.Runtime.Writes;

/// <summary>
/// metav1.Condition bookkeeping (apimachinery's meta.SetStatusCondition): lastTransitionTime moves only when a
/// condition's status changes; reason, message and observedGeneration follow the latest computation.
/// </summary>
internal static class Conditions
{
    public static List<V1Condition> Set(IEnumerable<V1Condition>? existing, V1Condition desired, DateTime now)
    {
        var result = existing?.Select(Copy).ToList() ?? [];
        var index = result.FindIndex(c => c.Type == desired.Type);
        var previous = index >= 0 ? result[index] : null;
        var next = Copy(desired);
        next.LastTransitionTime = previous is not null && previous.Status == desired.Status
            ? previous.LastTransitionTime
            : TruncateToSeconds(now);
        if (index >= 0)
        {
            result[index] = next;
        }
        else
        {
            result.Add(next);
        }

        return result;
    }

    public static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    public static bool IsTrue(IEnumerable<V1Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == "True";

    // The API stores metav1.Time with second precision; a finer value would read back different and look like drift.
    private static DateTime TruncateToSeconds(DateTime t) =>
        new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static V1Condition Copy(V1Condition c) => new()
    {
        Type = c.Type,
        Status = c.Status,
        Reason = c.Reason,
        Message = c.Message ?? string.Empty,
        ObservedGeneration = c.ObservedGeneration,
        LastTransitionTime = c.LastTransitionTime,
    };
}
