namespace BackendStack.Operator.Runtime.Writes;

/// <summary>The child as it is after applying (the API's answer, or the cached copy when nothing was written).</summary>
internal sealed record AppliedChild<T>(T Object, ApplyOutcome Outcome);
