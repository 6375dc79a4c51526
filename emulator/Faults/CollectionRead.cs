namespace BackendStack.Emulator;

/// <summary>
/// One LIST or WATCH as the request log keeps it: which resource, in which namespace (null: every namespace) and
/// with which label and field selectors, so a test can tell what a client asked to see; and when it arrived.
/// </summary>
public sealed record CollectionRead(string Verb, string Resource, string? Namespace, string? LabelSelector, string? FieldSelector, DateTimeOffset Received);
