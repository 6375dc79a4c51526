
namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>The environment variables the connections inject, and the Secrets they read credentials from.</summary>
internal static class InjectedEnv
{
    public const string DatabaseHost = "DB_HOST";
    public const string DatabasePort = "DB_PORT";
    public const string DatabaseName = "DB_NAME";
    public const string DatabaseUser = "DB_USER";
    public const string DatabasePassword = "DB_PASSWORD";
    public const string RedisSentinels = "REDIS_SENTINELS";
    public const string RedisMasterName = "REDIS_MASTER_NAME";
    public const string RedisMaster = "REDIS_MASTER";
    public const string RedisPassword = "REDIS_PASSWORD";

    public static readonly IReadOnlySet<string> DatabaseNames = new HashSet<string> { DatabaseHost, DatabasePort, DatabaseName, DatabaseUser, DatabasePassword };

    public static readonly IReadOnlySet<string> RedisNames = new HashSet<string> { RedisSentinels, RedisMasterName, RedisMaster, RedisPassword };

    /// <summary>The RedisFailover's auth Secret (key <c>password</c>): the one named in its spec, else the generated one.</summary>
    public static string RedisAuthSecret(string redisFailoverName, string? configured) => configured ?? $"{redisFailoverName}-redis-auth";
}
