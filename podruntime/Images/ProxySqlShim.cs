namespace BackendStack.PodRuntime.Images;

/// <summary>
/// The shell scripts of <see cref="ProxySqlImage"/>. The proxysql shim finds the config file (-c,
/// else /etc/proxysql.cnf) and datadir (-D, else the file's datadir, else /var/lib/proxysql), mounts a
/// tmpfs on the datadir unless a volume is mounted there, and runs the binary in the foreground with a
/// copy of the config file in the datadir in which admin_variables.mysql_ifaces and
/// mysql_variables.interfaces name the Pod's IP with their own ports (added when missing), and the
/// web UI and REST API, which would listen on every address, are off. ProxySQL reads the file only
/// while its datadir holds no proxysql.db; on a restart with one (a volume), --reload merges the
/// file in so the saved addresses give way to the Pod's. The sqlite3 and ClickHouse servers, which
/// listen on every address, are refused.
/// </summary>
internal static class ProxySqlShim
{
    private const string Rewrite = """
        function ifaces(v,  n, parts, i, out, e) {
          n = split(v, parts, ";"); out = ""
          for (i = 1; i <= n; i++) {
            e = parts[i]
            if (e != "" && e !~ /^\//) { sub(/.*:/, "", e); e = ip ":" e }
            out = out (i > 1 ? ";" : "") e
          }
          return out
        }
        function key(s) { return s == "admin_variables" ? "mysql_ifaces" : "interfaces" }
        function port(s) { return s == "admin_variables" ? "6032" : "6033" }
        /^[ \t]*(admin_variables|mysql_variables)[ \t]*[=:]/ { sect = $0; sub(/^[ \t]*/, "", sect); sub(/[ \t]*[=:].*/, "", sect); seen[sect] = 1 }
        sect != "" && $0 ~ ("^[ \t]*" key(sect) "[ \t]*[=:]") && match($0, /"[^"]*"/) {
          $0 = substr($0, 1, RSTART) ifaces(substr($0, RSTART + 1, RLENGTH - 2)) substr($0, RSTART + RLENGTH - 1); has[sect] = 1
        }
        sect == "admin_variables" && /^[ \t]*(web_enabled|restapi_enabled)[ \t]*[=:]/ {
          print "proxysql: turned off " $0 ", it would listen on every address" > "/dev/stderr"; sub(/[=:].*/, "=false")
        }
        sect != "" && /^[ \t]*}/ { if (!has[sect]) print "    " key(sect) "=\"" ip ":" port(sect) "\""; sect = "" }
        { print }
        END {
          if (!seen["admin_variables"]) print "admin_variables=\n{\n    mysql_ifaces=\"" ip ":6032\"\n}"
          if (!seen["mysql_variables"]) print "mysql_variables=\n{\n    interfaces=\"" ip ":6033\"\n}"
        }
        """;

    public const string Script = $$"""
        ip="${{{LocalImage.PodIPVariable}}}"
        bin="${0%/*}/bin/proxysql"
        config=; datadir=; reload=--reload
        n=$#
        while [ "$n" -gt 0 ]; do
          a=$1; shift; n=$((n - 1))
          case "$a" in
            -V|--version|-h|--help) exec "$bin" "$a" ;;
            -c|--config) config=$1; shift; n=$((n - 1)); continue ;;
            --config=*) config=${a#*=}; continue ;;
            -c*) config=${a#-c}; continue ;;
            -D|--datadir) datadir=$1; shift; n=$((n - 1)); continue ;;
            --datadir=*) datadir=${a#*=}; continue ;;
            -D*) datadir=${a#-D}; continue ;;
            -f|--foreground) continue ;;
            --initial|--reload) reload= ;;
            --sqlite3-server|--clickhouse-server) echo "proxysql: $a would listen on every address; not run here" >&2; exit 1 ;;
          esac
          set -- "$@" "$a"
        done
        config=${config:-/etc/proxysql.cnf}
        [ -n "$datadir" ] || [ ! -f "$config" ] || datadir=$(sed -n 's/^[[:space:]]*datadir[[:space:]]*[=:][[:space:]]*"\([^"]*\)".*/\1/p' "$config" | head -n 1)
        datadir=${datadir:-/var/lib/proxysql}
        mkdir -p "$datadir"
        mountpoint -q "$datadir" || mount -t tmpfs -o mode=0750 tmpfs "$datadir" || exit 1
        [ -s "$datadir/proxysql.db" ] || reload=
        { [ ! -f "$config" ] || cat "$config"; } | awk -v ip="$ip" '{{Rewrite}}' > "$datadir/proxysql.pod.cnf" || exit 1
        exec "$bin" -f -c "$datadir/proxysql.pod.cnf" -D "$datadir" $reload "$@"
        """;

    /// <summary>mysql/mariadb: the Pod's loopback address, when a probe names it, means the Pod IP.</summary>
    public const string Client = "for a in \"$@\"; do shift; case \"$a\" in "
        + "127.0.0.1|localhost) a=\"$" + LocalImage.PodIPVariable + "\";; "
        + "-h127.0.0.1|-hlocalhost) a=\"-h$" + LocalImage.PodIPVariable + "\";; "
        + "--host=127.0.0.1|--host=localhost) a=\"--host=$" + LocalImage.PodIPVariable + "\";; "
        + "esac; set -- \"$@\" \"$a\"; done; exec /usr/bin/mariadb \"$@\"";
}
