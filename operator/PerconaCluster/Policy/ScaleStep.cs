namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>The StatefulSet's replicas for this reconcile, and why they differ from what they were (null: unchanged, or waiting).</summary>
internal sealed record ScaleStep(int Replicas, string? Change, string? Waiting);
