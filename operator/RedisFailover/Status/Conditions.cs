using k8s.Models;

namespace BackendStack.Operator.RedisFailovers.Status;

/// <summary>Builds a condition list where lastTransitionTime moves only when a condition's status changes.</summary>
internal sealed class Conditions(IEnumerable<V1Condition>? previous, long? generation, DateTime now)
{
    private readonly Dictionary<string, V1Condition> before = (previous ?? []).ToDictionary(c => c.Type, StringComparer.Ordinal);
    private readonly List<V1Condition> result = [];

    public IList<V1Condition> List => result;

    public Conditions Set(string type, bool status, string reason, string message)
    {
        var text = status ? "True" : "False";
        var since = before.TryGetValue(type, out var old) && old.Status == text ? old.LastTransitionTime : now;
        result.Add(new V1Condition
        {
            Type = type,
            Status = text,
            Reason = reason,
            Message = message,
            LastTransitionTime = since,
            ObservedGeneration = generation,
        });
        return this;
    }
}
