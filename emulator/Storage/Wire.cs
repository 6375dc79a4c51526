using System.Text.Encodings.Web;
using System.Text.Json;

namespace BackendStack.Emulator.Storage;

/// <summary>JSON as kube-apiserver writes it: quotes and '+' unescaped (Go's encoder only escapes &lt;, &gt; and &amp;).</summary>
internal static class Wire
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
