using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackendStack.Emulator.Streaming;

/// <summary>A resize message of the channel protocol, <c>{"Width":120,"Height":40}</c>. Pure.</summary>
internal static class TerminalSize
{
    /// <summary>The columns and rows, or null for a message that is not a size.</summary>
    public static (ushort Columns, ushort Rows)? Parse(byte[] message)
    {
        try
        {
            return JsonNode.Parse(message) is JsonObject size
                && size["Width"] is JsonValue width && width.TryGetValue<ushort>(out var columns)
                && size["Height"] is JsonValue height && height.TryGetValue<ushort>(out var rows)
                ? (columns, rows)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
