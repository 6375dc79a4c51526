namespace BackendStack.Operator.Runtime.Clients;

/// <summary>One page of a paginated LIST: its items, the list's resourceVersion and the continue token.</summary>
internal sealed record ResourcePage<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue);
