namespace BackendStack.Bench;

/// <summary>The operator's writes during a run as the API server counted them, by purpose.</summary>
internal sealed record ChildWrites(int ChildCreates, int StatusUpdates, int PatchesAndDeletes, int Events);
