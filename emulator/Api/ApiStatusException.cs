using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Api;

/// <summary>A failed API call, carrying the metav1.Status that kube-apiserver would answer with.</summary>
public sealed class ApiStatusException : Exception
{
    internal ApiStatusException(int code, string reason, string message, JsonObject? details = null) : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }
    public string Reason { get; }
    internal JsonObject? Details { get; }

    internal JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null) status["details"] = Details.DeepClone();
        status["code"] = Code;
        return status;
    }
}
