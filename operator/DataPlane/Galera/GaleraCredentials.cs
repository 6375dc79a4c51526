namespace BackendStack.Operator.DataPlane.Galera;

/// <summary>A database login; <see cref="ToString"/> never shows the password.</summary>
internal sealed record GaleraCredentials(string User, string Password)
{
    public override string ToString() => User;
}
