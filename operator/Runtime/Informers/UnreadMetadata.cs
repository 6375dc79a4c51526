using k8s.Models;

namespace BackendStack.Operator.Runtime.Informers;

/// <summary>
/// Metadata the cache does not keep: no reconciler reads it, and on a real cluster it is often the larger part of an
/// object. managedFields (server-side apply's field owners) and kubectl's last-applied-configuration annotation (a
/// whole copy of the object as last applied). Every write of the operator is a merge patch of the fields it owns,
/// so a field missing from the cached copy is never written back as removed.
/// </summary>
internal static class UnreadMetadata
{
    public const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";

    public static void Strip(V1ObjectMeta? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        metadata.ManagedFields = null;
        if (metadata.Annotations?.Remove(LastAppliedConfiguration) == true && metadata.Annotations.Count == 0)
        {
            metadata.Annotations = null;
        }
    }
}
