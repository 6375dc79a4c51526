namespace BackendStack.Emulator.Resources;

/// <summary>
/// Every resource type currently served: the built-ins plus the versions of each established CRD.
/// Reads take a snapshot, so discovery and routing never see a half-registered CRD.
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly IReadOnlyList<ResourceType> builtIns;
    private readonly Lock gate = new();
    private Dictionary<string, IReadOnlyList<ResourceType>> custom = [];
    private IReadOnlyList<ResourceType> all;

    public ResourceRegistry()
    {
        builtIns = BuiltInResources.Create();
        all = builtIns;
    }

    /// <summary>Bumped on every change, so cached discovery and OpenAPI documents know when to rebuild.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<ResourceType> All => all;

    public ResourceType? Find(string group, string version, string plural) =>
        all.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    public ResourceType? FindKind(string apiVersion, string kind) =>
        all.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    public ResourceType Get(string group, string version, string plural) =>
        Find(group, version, plural) ?? throw new InvalidOperationException($"{plural}.{group}/{version} is not served");

    /// <summary>Replaces the types served for one CRD (an empty list removes them).</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (gate)
        {
            var next = new Dictionary<string, IReadOnlyList<ResourceType>>(custom);
            if (types.Count == 0) next.Remove(crdName);
            else next[crdName] = types;
            custom = next;
            all = [.. builtIns, .. next.Values.SelectMany(v => v)];
            Revision++;
        }
    }

    /// <summary>Group-versions in a stable order: core first, then groups as first seen.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        [.. all.GroupBy(t => t.Group).Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(t => t.Version).Distinct()]))];
}
