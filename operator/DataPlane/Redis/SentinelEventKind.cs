namespace BackendStack.Operator.DataPlane.Redis;

/// <summary>The Sentinel pub/sub channels the operator follows.</summary>
internal enum SentinelEventKind
{
    /// <summary>+switch-master: the failover is done, a new master was chosen.</summary>
    SwitchMaster,

    /// <summary>+sdown: one sentinel considers an instance down.</summary>
    SubjectivelyDown,

    /// <summary>-sdown: that sentinel sees it up again.</summary>
    SubjectivelyDownCleared,

    /// <summary>+odown: a quorum of sentinels considers the master down.</summary>
    ObjectivelyDown,

    /// <summary>-odown: the master is no longer objectively down.</summary>
    ObjectivelyDownCleared,

    /// <summary>-role-change: an instance reports a role Sentinel did not give it (a replica acting as master: split brain).</summary>
    RoleMismatch,

    /// <summary>+convert-to-slave: Sentinel itself turned a second master back into a replica.</summary>
    ConvertedToReplica,
}
