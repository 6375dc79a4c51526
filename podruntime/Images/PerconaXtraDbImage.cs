namespace BackendStack.PodRuntime.Images;

/// <summary>
/// The Percona XtraDB Cluster image: MariaDB with Galera 4 from Debian stands in for it. The shim
/// gives the container what the image's own filesystem would (a private /run/mysqld, in a /run of
/// its own when the host has none, and /var/lib/mysql unless a volume is mounted there),
/// initialises an empty datadir as the image's
/// entrypoint does (root@'%' with MYSQL_ROOT_PASSWORD when set), and then runs mariadbd as the OS
/// user mysql (as root the joiner's rsync SST fails) bound to the Pod's IP: SQL, Galera's group
/// communication (4567), IST (4568) and the rsync SST (4444) all listen there, never on 0.0.0.0.
/// The image's xtrabackup SST does not exist here; rsync replaces it. Options that only Percona's
/// server knows (pxc_strict_mode, pxc-encrypt-cluster-traffic) are refused by mariadbd unless written loose-.
/// Provider options given on the command line are merged with the Pod's addresses, not replaced.
/// </summary>
public static class PerconaXtraDbImage
{
    private const string Server = $$"""
        ip="${{{LocalImage.PodIPVariable}}}"
        [ -d /run/mysqld ] || mount -t tmpfs -o mode=0755 tmpfs /run
        for d in /var/lib/mysql /run/mysqld; do
          mkdir -p "$d"
          mountpoint -q "$d" || mount -t tmpfs -o mode=0755 tmpfs "$d"
          chown mysql:mysql "$d"
        done
        if [ ! -d /var/lib/mysql/mysql ]; then
          mariadb-install-db --no-defaults --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null || exit 1
          if [ -n "${MYSQL_ROOT_PASSWORD:-}" ]; then
            password=$(printf '%s' "$MYSQL_ROOT_PASSWORD" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")
            printf "FLUSH PRIVILEGES;\nCREATE USER 'root'@'%%' IDENTIFIED BY '%s';\nGRANT ALL ON *.* TO 'root'@'%%' WITH GRANT OPTION;\n" "$password" \
              | /usr/sbin/mariadbd --no-defaults --bootstrap --user=mysql --datadir=/var/lib/mysql >/dev/null 2>&1 || exit 1
          fi
        fi
        # Provider options the command sets are kept, with the Pod's addresses added (the last value given wins).
        options="gmcast.listen_addr=tcp://$ip:4567;ist.recv_addr=$ip:4568"
        for a in "$@"; do
          shift
          case "$a" in
            --wsrep-provider-options=*|--wsrep_provider_options=*) options="${a#*=};$options" ;;
            *) set -- "$@" "$a" ;;
          esac
        done
        exec /usr/sbin/mariadbd "$@" --user=mysql --bind-address="$ip" \
          --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-node-address="$ip" --wsrep-sst-method=rsync \
          --wsrep-provider-options="$options"
        """;

    public static LocalImage Create() => new(
        Name: "percona-xtradb-cluster",
        Repositories: ["percona-xtradb-cluster", "pxc", "mariadb"],
        DebianPackages: ["mariadb-server", "galera-4", "rsync"],
        RequiredFiles: ["/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/lib/galera/libgalera_smm.so", "/usr/bin/rsync"],
        Entrypoint: args => args.Count == 0 || args[0].StartsWith('-') ? ["mysqld", .. args] : args,
        Shims: new Dictionary<string, string>
        {
            ["mysqld"] = Server,
            ["mariadbd"] = Server,
        });
}
