namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>One corrective step on the data plane. <see cref="Reason"/> is the Event reason it is recorded under.</summary>
internal abstract record HealAction(string Reason)
{
    /// <summary>What the step does, for logs and Events (never secrets).</summary>
    public abstract string Describe();
}
