using System.Text;
using BackendStack.PodRuntime.Volumes;
using k8s.Models;

namespace BackendStack.PodRuntime.Tests;

public sealed class VolumeFilesTests
{
    private static readonly V1ConfigMap ConfigMap = new()
    {
        Metadata = new V1ObjectMeta { Name = "conf" },
        Data = new Dictionary<string, string> { ["a.conf"] = "A", ["b.conf"] = "B" },
    };

    [Fact]
    public void EveryKeyWithDefaultModeOrOnlyTheListedItemsAtTheirPaths()
    {
        var all = VolumeFiles.FromConfigMap(ConfigMap, new V1ConfigMapVolumeSource { Name = "conf", DefaultMode = 256 });
        var items = VolumeFiles.FromConfigMap(ConfigMap, new V1ConfigMapVolumeSource
        {
            Name = "conf",
            Items = [new V1KeyToPath { Key = "b.conf", Path = "sub/b.conf", Mode = 493 }],
        });

        Assert.Equal([("a.conf", "A", 256), ("b.conf", "B", 256)], all.Select(f => (f.Path, Encoding.UTF8.GetString(f.Content), f.Mode)));
        Assert.Equal([("sub/b.conf", "B", 493)], items.Select(f => (f.Path, Encoding.UTF8.GetString(f.Content), f.Mode)));
    }

    [Fact]
    public void MissingItemKeyOrEscapingPathIsRejectedByName()
    {
        var missing = Assert.Throws<VolumeSourceException>(() => VolumeFiles.FromConfigMap(ConfigMap,
            new V1ConfigMapVolumeSource { Name = "conf", Items = [new V1KeyToPath { Key = "c.conf", Path = "c" }] }));
        var escaping = Assert.Throws<VolumeSourceException>(() => VolumeFiles.FromConfigMap(ConfigMap,
            new V1ConfigMapVolumeSource { Name = "conf", Items = [new V1KeyToPath { Key = "a.conf", Path = "../a" }] }));

        Assert.Contains("\"c.conf\"", missing.Message, StringComparison.Ordinal);
        Assert.Contains("\"../a\"", escaping.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AtomicWriterSwapsTheWholeSetAndDropsRemovedKeys()
    {
        var directory = Directory.CreateTempSubdirectory("atomic-writer-").FullName;
        try
        {
            Assert.True(AtomicVolumeWriter.Write(directory, [new ProjectedFile("a", "1"u8.ToArray(), 420), new ProjectedFile("b", "2"u8.ToArray(), 420)]));
            Assert.False(AtomicVolumeWriter.Write(directory, [new ProjectedFile("a", "1"u8.ToArray(), 420), new ProjectedFile("b", "2"u8.ToArray(), 420)]));
            Assert.True(AtomicVolumeWriter.Write(directory, [new ProjectedFile("a", "3"u8.ToArray(), 420)]));

            Assert.Equal("3", File.ReadAllText(Path.Combine(directory, "a")));
            Assert.False(File.Exists(Path.Combine(directory, "b")));
            Assert.Equal(["..data", "a"], Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Where(n => !n!.StartsWith("..2", StringComparison.Ordinal)).Order());
            Assert.Single(Directory.EnumerateDirectories(directory, "..2*"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
