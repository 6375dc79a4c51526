using System.Text;
using System.Text.Json.Nodes;
using BackendStack.Emulator.Api;

namespace BackendStack.Emulator.Http;

/// <summary>The opaque continue token of a paginated list: the list's resourceVersion and the last key returned.</summary>
internal static class ContinueToken
{
    public static string Encode(long revision, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = revision, ["start"] = lastKey + "\0" }.ToJsonString()));

    public static (long Revision, string Start) Decode(string token)
    {
        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))!;
            return (node["rv"]!.GetValue<long>(), node["start"]!.GetValue<string>());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw StatusErrors.BadRequest($"continue key is not valid: {e.Message}");
        }
    }

    public static ApiStatusException Expired() => StatusErrors.Expired(
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
}
