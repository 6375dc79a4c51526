namespace BackendStack.PodRuntime.Tests;

/// <summary>One write through a proxy: when it started and ended (on the bench's clock), whether it was acknowledged, and its row id.</summary>
internal readonly record struct WriteAttempt(TimeSpan Started, TimeSpan At, bool Acknowledged, long Id);
