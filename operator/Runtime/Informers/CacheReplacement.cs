namespace BackendStack.Operator.Runtime.Informers;

/// <summary>What a relist changed in a cache: new objects, changed objects, and objects that disappeared.</summary>
internal sealed record CacheReplacement<T>(IReadOnlyList<T> Added, IReadOnlyList<(T Old, T New)> Updated, IReadOnlyList<T> Deleted);
