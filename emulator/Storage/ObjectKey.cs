namespace BackendStack.Emulator.Storage;

internal static class ObjectKey
{
    public static string Of(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";
}
