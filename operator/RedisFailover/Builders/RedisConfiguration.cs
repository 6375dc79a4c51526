namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// The rendered redis.conf (without password and per-pod lines, which the start script adds) and
/// the directives to keep in force on running servers with CONFIG SET, in the form CONFIG GET
/// answers them. <see cref="StartupPart"/> is the part of the file only a restart applies.
/// </summary>
internal sealed record RedisConfiguration(string File, IReadOnlyDictionary<string, string> Live, IReadOnlyList<SpecError> Errors)
{
    public string StartupPart { get; init; } = File;
}
