namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>A node's group member id (<c>wsrep_gcomm_uuid</c>) and the container whose mariadbd held it.</summary>
internal sealed record GaleraMember(string MemberId, string? ContainerId);
