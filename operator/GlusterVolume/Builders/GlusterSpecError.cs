namespace BackendStack.Operator.GlusterVolumes.Builders;

/// <summary>A spec problem the schema cannot catch; <see cref="Field"/> is the JSON path a person fixes.</summary>
internal sealed record GlusterSpecError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
