namespace BackendStack.PodRuntime.Processes;

/// <summary>
/// Environment variables that mark every process the runtime starts, inherited by whatever those
/// processes fork, daemonized or not. Finding them in /proc/*/environ is how nothing is left behind.
/// </summary>
public static class ProcessMarker
{
    public const string RuntimeVariable = "BACKENDSTACK_POD_RUNTIME";
    public const string ContainerVariable = "BACKENDSTACK_POD_CONTAINER";

    public static string Container(string runtimeId, string podUid, string container) => $"{runtimeId}/{podUid}/{container}";

    public static string Pod(string runtimeId, string podUid) => $"{runtimeId}/{podUid}/";
}
