namespace BackendStack.Operator.GlusterVolumes.Policy;

/// <summary>One glusterd pod of a GlusterVolume as a reconcile sees it: its ordinal, and whether glusterd listens (the pod is Ready).</summary>
internal sealed record GlusterPod(string Pod, int Ordinal, bool Ready);
