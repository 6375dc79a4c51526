using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>
/// Decodes short JSON strings to one shared copy. Thousands of cached children repeat the same label keys and values,
/// kinds, API versions, namespaces, images and port names; decoded one by one, each object held its own copies.
/// The table is bounded (<see cref="Slots"/> slots, strings up to <see cref="MaxLength"/> characters): a slot holds the
/// last string that hashed to it, so a collision only costs a fresh copy, never a wrong one, and memory never grows
/// with the cluster. Lock-free: a slot is one reference, read and replaced whole.
/// </summary>
internal sealed class SharedStringConverter : JsonConverter<string>
{
    public const int MaxLength = 64;
    public const int Slots = 1 << 14;

    private readonly string?[] table = new string?[Slots];

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Share(ref reader) : reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Share(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private string Share(ref Utf8JsonReader reader)
    {
        var encodedLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (encodedLength > MaxLength * 6)
        {
            return reader.GetString()!;
        }

        Span<char> buffer = stackalloc char[MaxLength * 6];
        var length = reader.CopyString(buffer);
        if (length > MaxLength)
        {
            return new string(buffer[..length]);
        }

        return Share(buffer[..length]);
    }

    /// <summary>The shared copy of <paramref name="chars"/>, added to the table if its slot held another string.</summary>
    public string Share(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return string.Empty;
        }

        ref var slot = ref table[(int)((uint)string.GetHashCode(chars) & (Slots - 1))];
        var shared = Volatile.Read(ref slot);
        if (shared is not null && chars.SequenceEqual(shared))
        {
            return shared;
        }

        var created = new string(chars);
        Volatile.Write(ref slot, created);
        return created;
    }
}
