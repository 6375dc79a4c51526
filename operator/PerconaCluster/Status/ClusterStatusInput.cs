using BackendStack.Operator.PerconaClusters.Builders;
using BackendStack.Operator.PerconaClusters.Policy;

namespace BackendStack.Operator.PerconaClusters.Status;

/// <summary>Everything the status is computed from: the resource, what this reconcile saw and decided, and the time.</summary>
internal sealed record ClusterStatusInput(
    Api.PerconaCluster Resource,
    IReadOnlyList<GaleraNode> Nodes,
    IReadOnlyList<SpecError> Errors,
    ScaleStep? Scale,
    bool Rolling,
    RecoveryDecision Recovery,
    Api.GaleraRecoveryRecord? LastRecovery,
    DateTime Now);
