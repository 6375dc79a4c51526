using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace BackendStack.Operator.Api;

/// <summary>How Redis persists data. Dumps always run in the background (BGSAVE), never SAVE.</summary>
public sealed class RedisPersistenceSpec
{
    /// <summary>Snapshots (<c>rdb</c>), an append-only file (<c>aof</c>), or nothing (<c>none</c>).</summary>
    [JsonPropertyName("mode")]
    [DefaultValue(RedisPersistenceMode.Rdb)]
    public RedisPersistenceMode Mode { get; set; } = RedisPersistenceMode.Rdb;

    /// <summary>The <c>save</c> directive as pairs of seconds and changes, for example <c>"900 1 300 100"</c>.</summary>
    [JsonPropertyName("rdbSaveRules")]
    [RegularExpression(@"^[0-9]+ [0-9]+( [0-9]+ [0-9]+)*$")]
    public string? RdbSaveRules { get; set; }

    /// <summary>The <c>appendfsync</c> directive of the append-only file.</summary>
    [JsonPropertyName("aofFsync")]
    [DefaultValue(AofFsync.Everysec)]
    public AofFsync AofFsync { get; set; } = AofFsync.Everysec;
}
