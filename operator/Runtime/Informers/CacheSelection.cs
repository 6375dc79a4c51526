using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Clients;
using BackendStack.Operator.Runtime.Writes;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// Which objects of a kind the operator caches (controller-runtime's <c>cache.Options.ByObject</c>, decided once for
/// every kind): of a kind the operator creates, only what carries its <c>app.kubernetes.io/managed-by</c> label, so
/// the cluster's other Secrets, ConfigMaps, Deployments... never enter its memory; of its own API group, whose objects
/// users create, everything. <see cref="SharedInformers"/> applies it to every informer it makes.
/// </summary>
internal static class CacheSelection
{
    /// <summary>The label every child of the operator carries (<see cref="StandardLabels.For"/>).</summary>
    public const string ManagedBySelector = StandardLabels.ManagedBy + "=" + StandardLabels.Manager;

    /// <summary>The label selector the informer of <paramref name="type"/> lists and watches with; <paramref name="requested"/> is what the reader asks for on top.</summary>
    public static string? LabelSelectorFor(ResourceType type, string? requested)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (IsUserCreated(type))
        {
            return requested;
        }

        return string.IsNullOrEmpty(requested) ? ManagedBySelector : $"{ManagedBySelector},{requested}";
    }

    /// <summary>The operator's own kinds (AppTier, RedisFailover, ...): users create them, so they carry no label of the operator.</summary>
    public static bool IsUserCreated(ResourceType type) => type.Group == ApiGroup.Group;
}
