namespace BackendStack.Emulator;

/// <summary>
/// Counts API requests by Kubernetes verb (get, list, watch, create, update, patch, delete,
/// deletecollection), resource (plural) and response code, so tests can assert, for example, that a
/// reconcile with nothing to do wrote nothing. Discovery and OpenAPI requests are not counted.
/// </summary>
public sealed class RequestCounters
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Verb, string Resource, string? Subresource, int Code), int> requests = [];
    private readonly List<CollectionRead> collectionReads = [];

    /// <summary>
    /// Requests matching every given filter. <paramref name="resource"/> "apptiers" counts the main
    /// resource and its subresources; "apptiers/status" only the status subresource.
    /// </summary>
    public int Count(string? verb = null, string? resource = null, int? code = null)
    {
        lock (gate)
            return requests.Where(kv => kv.Key is var r && (verb is null || r.Verb == verb) && (code is null || r.Code == code)
                && (resource is null || ResourceMatches(resource, r.Resource, r.Subresource))).Sum(kv => kv.Value);
    }

    /// <summary>Total writes (create, update, patch, delete, deletecollection), optionally for one resource.</summary>
    public int Writes(string? resource = null) =>
        Count("create", resource) + Count("update", resource) + Count("patch", resource) + Count("delete", resource) + Count("deletecollection", resource);

    /// <summary>Every LIST and WATCH of <paramref name="resource"/> (every resource when null), in the order they arrived, with their selectors.</summary>
    public IReadOnlyList<CollectionRead> CollectionReads(string? resource = null)
    {
        lock (gate) return [.. collectionReads.Where(r => resource is null || r.Resource == resource)];
    }

    public void Reset()
    {
        lock (gate)
        {
            requests.Clear();
            collectionReads.Clear();
        }
    }

    internal void RecordCollectionRead(CollectionRead read)
    {
        lock (gate) collectionReads.Add(read);
    }

    internal void Record(string verb, string resource, string? subresource, int code)
    {
        lock (gate) requests[(verb, resource, subresource, code)] = requests.GetValueOrDefault((verb, resource, subresource, code)) + 1;
    }

    internal static bool ResourceMatches(string filter, string resource, string? subresource) =>
        filter == "*" || filter == resource || (subresource is not null && filter == $"{resource}/{subresource}");
}
