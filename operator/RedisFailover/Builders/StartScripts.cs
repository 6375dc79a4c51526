namespace BackendStack.Operator.RedisFailovers.Builders;

/// <summary>
/// The container entry points. They copy the rendered config to the data volume and append what
/// only the pod knows: its address (announced to replicas and sentinels, as pod IPs are not
/// stable) and the password from the Secret (passed in the environment, never in the ConfigMap).
/// </summary>
internal static class StartScripts
{
    /// <summary>
    /// A restarted Redis asks the sentinels for the current master first and starts as its
    /// replica, so it never comes up as an empty master that replicas could sync from. When they
    /// still name this pod, it was the master and crashed: it waits (up to the ConfigMap's
    /// master-restart-wait seconds) for Sentinel to promote the replica with the most data, and
    /// joins that one; see <see cref="MasterRestartWait"/>.
    /// </summary>
    public const string Redis = """
        #!/bin/sh
        set -eu
        conf=/data/redis.conf
        cp /etc/redis/redis.conf "$conf"
        {
          echo "replica-announce-ip $POD_IP"
          echo "requirepass \"$REDIS_PASSWORD\""
          echo "masterauth \"$REDIS_PASSWORD\""
        } >> "$conf"
        master() {
          REDISCLI_AUTH="$REDIS_PASSWORD" timeout 3 redis-cli -h "$SENTINEL_HOST" -p 26379 sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | tr '\n' ' ' || true
        }
        set -- $(master)
        left=$(cat /etc/redis/master-restart-wait 2>/dev/null || echo 0)
        if [ "$#" -eq 2 ] && [ "$1" = "$POD_IP" ] && [ "$left" -gt 0 ]; then
          echo "the sentinels name this pod as master: its data may be older than its replicas'; waiting up to $left s for a failover"
          while [ "$#" -eq 2 ] && [ "$1" = "$POD_IP" ] && [ "$left" -gt 0 ]; do
            sleep 1
            left=$((left - 1))
            set -- $(master)
          done
        fi
        if [ "$#" -eq 2 ] && [ "$1" != "$POD_IP" ]; then
          echo "starting as a replica of $1:$2"
          echo "replicaof $1 $2" >> "$conf"
        fi
        exec redis-server "$conf"
        """;

    /// <summary>Sentinel rewrites its config file, so it runs from a writable copy.</summary>
    public const string Sentinel = """
        #!/bin/sh
        set -eu
        conf=/data/sentinel.conf
        cp /etc/redis/sentinel.conf "$conf"
        {
          echo "sentinel announce-ip $POD_IP"
          echo "requirepass \"$REDIS_PASSWORD\""
        } >> "$conf"
        exec redis-sentinel "$conf"
        """;
}
