using BackendStack.PodRuntime;
using BackendStack.PodRuntime.Images;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

/// <summary>Where the ProxySQL binary comes from, with stand-in files: option first, then /usr/bin/proxysql, then the tarball.</summary>
public sealed class ProxySqlBinaryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("proxysql-binary-test-").FullName;

    private string Named => Path.Combine(root, "named", "proxysql");

    private string Installed => Path.Combine(root, "usr-bin", "proxysql");

    private string Tarballs => Path.Combine(root, "tarballs");

    private string Cache => Path.Combine(root, "cache");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task TheNamedBinaryBeatsTheInstalledOneWhichBeatsTheTarball()
    {
        await CreateAllAsync();

        Assert.Equal(Named, new ProxySqlBinary(Named, Tarballs, Cache, Installed).Locate());
        Assert.Equal(Installed, new ProxySqlBinary(null, Tarballs, Cache, Installed).Locate());
        Assert.False(Directory.Exists(Cache));
    }

    [Fact]
    public async Task TheTarballIsUnpackedOnceIntoTheCacheEvenByConcurrentStarts()
    {
        await CreateAllAsync();
        File.Delete(Installed);
        var binary = new ProxySqlBinary(null, Tarballs, Cache, Installed);

        var paths = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(binary.Locate)));
        var written = File.GetLastWriteTimeUtc(paths[0]);
        var again = binary.Locate();

        Assert.Single(paths.Distinct());
        Assert.Equal(paths[0], again);
        Assert.Equal(Cache, Path.GetDirectoryName(Path.GetDirectoryName(again)));
        Assert.Equal("#!/bin/sh\necho from-tarball\n", await File.ReadAllTextAsync(again));
        Assert.Equal(written, File.GetLastWriteTimeUtc(again));
        // Only the unpacked directory is left: no temporary directory of any of the starts.
        Assert.Single(Directory.GetDirectories(Cache));
    }

    [Fact]
    public async Task WithoutAnyBinaryTheReasonSaysHowToProvideOne()
    {
        var error = Assert.Throws<NoLocalEquivalentException>(() => new ProxySqlBinary(null, Tarballs, Cache, Installed).Locate());
        // What the real-ProxySQL tests skip with on such a host: the same reason, found without unpacking anything.
        Assert.Equal(error.Message, new ProxySqlBinary(null, Tarballs, Cache, Installed).MissingBecause());
        await CreateAllAsync();
        Assert.Null(new ProxySqlBinary(null, Tarballs, Cache, Installed + ".gone").MissingBecause());
        Assert.False(Directory.Exists(Cache));
        var named = Assert.Throws<NoLocalEquivalentException>(() => new ProxySqlBinary(Named + ".gone", Tarballs, Cache, Installed).Locate());

        Assert.Equal(ProxySqlBinary.MissingReason, error.Reason);
        Assert.Contains(ProxySqlBinary.BinaryVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("Debian package", error.Message, StringComparison.Ordinal);
        Assert.Contains(Tarballs, error.Message, StringComparison.Ordinal);
        // A binary that is named but missing is an error, not a reason to fall back to another one.
        Assert.Equal(ProxySqlBinary.MissingReason, named.Reason);
        Assert.Contains(Named + ".gone", named.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APodOfTheImageRunsTheShimWithTheImagesEntrypointAndTheBinaryLinkedBesideIt()
    {
        await CreateAllAsync();
        var layout = new RuntimeLayout(Path.Combine(root, "runtime"));
        var images = new ImageTable([ProxySqlImage.Create(new ProxySqlBinary(Named, Tarballs, Cache, Installed))]);
        var missing = new ImageTable([ProxySqlImage.Create(new ProxySqlBinary(null, null, Cache, Installed + ".gone"))]);
        var container = new V1Container { Name = "proxysql", Image = "proxysql/proxysql:2.7", Args = ["-c", "/etc/proxysql/proxysql.cnf"] };
        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "p" }, Spec = new V1PodSpec { Containers = [container] } };
        var env = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" };

        var plan = ContainerLaunch.Plan(pod, container, images, layout, env);
        var error = Assert.Throws<NoLocalEquivalentException>(() => ContainerLaunch.Plan(pod, container, missing, layout, env));

        var shims = layout.ShimDirectory("proxysql");
        Assert.Equal([Path.Combine(shims, "proxysql"), "-f", "--idle-threads", "-D", "/var/lib/proxysql", "-c", "/etc/proxysql/proxysql.cnf"], plan.Argv);
        Assert.Equal(Named, new FileInfo(Path.Combine(shims, "bin", "proxysql")).LinkTarget);
        Assert.Equal(ProxySqlBinary.MissingReason, error.Reason);
    }

    /// <summary>A named binary, an installed one and a tarball holding a third, each a small script.</summary>
    private async Task CreateAllAsync()
    {
        foreach (var (path, text) in new[] { (Named, "named"), (Installed, "installed"), (Path.Combine(root, "pack", "proxysql"), "from-tarball") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, $"#!/bin/sh\necho {text}\n");
        }

        Directory.CreateDirectory(Tarballs);
        await HostCommand.RunAsync("tar", "-cJf", Path.Combine(Tarballs, "proxysql-2.7.2-test.tar.xz"), "-C", Path.Combine(root, "pack"), "proxysql");
    }
}
