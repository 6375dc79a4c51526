namespace BackendStack.PodRuntime.Images;

/// <summary>
/// The Percona XtraDB Cluster image: MariaDB with Galera 4 from Debian stands in for it. mariadbd
/// runs as the OS user mysql (as root the joiner's rsync SST fails), binds the Pod's IP and loads
/// Debian's Galera provider instead of the image's path.
/// </summary>
public static class PerconaXtraDbImage
{
    private const string Server =
        "for d in /var/lib/mysql /var/run/mysqld; do [ -d \"$d\" ] && chown mysql:mysql \"$d\"; done\n" +
        $"exec /usr/sbin/mariadbd \"$@\" --user=mysql --bind-address=\"${LocalImage.PodIPVariable}\" --wsrep-provider=/usr/lib/galera/libgalera_smm.so";

    public static LocalImage Create() => new(
        Name: "percona-xtradb-cluster",
        Repositories: ["percona-xtradb-cluster", "pxc", "mariadb"],
        DebianPackages: ["mariadb-server", "galera-4", "mariadb-backup", "rsync"],
        RequiredFiles: ["/usr/sbin/mariadbd", "/usr/lib/galera/libgalera_smm.so"],
        Entrypoint: args => args.Count == 0 || args[0].StartsWith('-') ? ["mysqld", .. args] : args,
        Shims: new Dictionary<string, string>
        {
            ["mysqld"] = Server,
            ["mariadbd"] = Server,
        });
}
