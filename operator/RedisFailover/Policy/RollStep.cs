namespace BackendStack.Operator.RedisFailovers.Policy;

/// <summary>One step of a roll. <see cref="Reason"/> is the Event reason it is recorded under.</summary>
internal abstract record RollStep(string Reason)
{
    public const string RollingUpdate = "RollingUpdate";

    /// <summary>What the step does, for logs and Events.</summary>
    public abstract string Describe();
}
