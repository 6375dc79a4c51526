namespace BackendStack.Operator.ProxySQLs.Builders;

/// <summary>A ProxySQL spec problem the schema cannot catch; <see cref="Field"/> is the JSON path a person fixes.</summary>
internal sealed record ProxySqlSpecError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
