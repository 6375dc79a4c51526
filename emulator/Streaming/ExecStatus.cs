using System.Globalization;
using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Streaming;

/// <summary>
/// What the error channel carries when a command ends: a metav1.Status worded as the kubelet words it
/// (reason NonZeroExitCode with the code as an ExitCode cause, which kubectl and KubernetesClient turn back
/// into the exit code), or a failure to run it at all. Pure.
/// </summary>
internal static class ExecStatus
{
    public static JsonObject Exited(int exitCode, IReadOnlyList<string> command)
    {
        if (exitCode == 0)
        {
            return new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" };
        }

        var code = exitCode.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = $"command terminated with non-zero exit code: command '{string.Join(' ', command)}' exited with {code}",
            ["reason"] = "NonZeroExitCode",
            ["details"] = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = code }) },
        };
    }

    public static JsonObject Failed(string message) => new()
    {
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = $"Internal error occurred: error executing command in container: {message}",
        ["reason"] = "InternalError",
        ["code"] = 500,
    };
}
