using System.Text.Json;
using BackendStack.Operator.Runtime.Clients;

namespace BackendStack.Tests.Runtime;

public sealed class SharedStringConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new SharedStringConverter() } };

    [Fact]
    public void RepeatedShortStringsDecodeToOneCopyAndEscapesAreDecoded()
    {
        var decoded = JsonSerializer.Deserialize<List<string>>("""["backendstack-operator","backendstack-operator","a\u00e9\"b"]""", Options)!;

        Assert.Same(decoded[0], decoded[1]);
        Assert.Equal("a\u00e9\"b", decoded[2]);
    }

    [Fact]
    public void DictionaryKeysAndValuesAreSharedAndRoundTrip()
    {
        const string json = """[{"app.kubernetes.io/name":"cache"},{"app.kubernetes.io/name":"cache"}]""";
        var decoded = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(json, Options)!;

        Assert.Same(decoded[0].Keys.Single(), decoded[1].Keys.Single());
        Assert.Same(decoded[0]["app.kubernetes.io/name"], decoded[1]["app.kubernetes.io/name"]);
        Assert.Equal(json, JsonSerializer.Serialize(decoded, Options));
    }

    [Fact]
    public void LongStringsAndNullsAreDecodedAsTheyAre()
    {
        var longValue = new string('k', SharedStringConverter.MaxLength + 1);
        var decoded = JsonSerializer.Deserialize<List<string?>>($"""["{longValue}","{longValue}",null,""]""", Options)!;

        Assert.Equal(longValue, decoded[0]);
        Assert.NotSame(decoded[0], decoded[1]);
        Assert.Null(decoded[2]);
        Assert.Equal(string.Empty, decoded[3]);
    }

    [Fact]
    public void TwoStringsInOneSlotAreEachDecodedCorrectly()
    {
        var converter = new SharedStringConverter();
        var strings = Enumerable.Range(0, SharedStringConverter.Slots * 2).Select(i => $"value-{i}").ToList();

        foreach (var s in strings.Concat(strings))
        {
            Assert.Equal(s, converter.Share(s.AsSpan()));
        }
    }
}
