using System.Text.Json.Nodes;

namespace BackendStack.Tests.Manifests;

public class ExampleManifestTests
{
    private static readonly CrdCatalog Crds = new(RepositoryRoot.Combine("crds"));

    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "examples", "config/samples" })
        {
            foreach (var file in Directory.GetFiles(RepositoryRoot.Combine(dir), "*.yaml", SearchOption.AllDirectories)
                         .Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryRoot.Path, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void ManifestIsValidAgainstItsCrd(string file)
    {
        var documents = YamlJson.ParseAll(File.ReadAllText(RepositoryRoot.Combine(file)));
        Assert.NotEmpty(documents);
        var validator = new ManifestValidator(Crds);
        Assert.All(documents, document => Assert.Empty(validator.Validate(document)));
    }

    [Theory]
    [InlineData("examples")]
    [InlineData("examples/reference-stack")]
    [InlineData("config/samples")]
    public void KustomizationRendersValidManifests(string directory)
    {
        var documents = YamlJson.ParseAll(Kubectl.Kustomize(directory));
        Assert.NotEmpty(documents);
        var validator = new ManifestValidator(Crds);
        Assert.All(documents, document => Assert.Empty(validator.Validate(document)));
    }

    [Fact]
    public void EveryKindHasAnExample()
    {
        var kinds = YamlJson.ParseAll(Kubectl.Kustomize("examples")).Select(d => (string)d["kind"]!).Order(StringComparer.Ordinal);
        Assert.Equal(["AppTier", "Backup", "BackupSchedule", "GlusterVolume", "PerconaCluster", "ProxySQL", "RedisFailover"], kinds);
    }

    [Fact]
    public void ReferenceStackHoldsTheWholeBackend()
    {
        var documents = YamlJson.ParseAll(Kubectl.Kustomize("examples/reference-stack"));
        JsonNode Single(string kind, string? role = null) =>
            Assert.Single(documents, d => (string)d["kind"]! == kind && (role is null || (string?)d["spec"]!["role"] == role));

        Single("AppTier", "web");
        Single("AppTier", "app");
        var worker = Single("AppTier", "worker");
        var queue = worker["spec"]!["autoscaling"]!["queue"]!;
        var redis = Single("RedisFailover");
        Assert.Equal((string)redis["metadata"]!["name"]!, (string)queue["redisRef"]!["name"]!);
        Assert.False(string.IsNullOrEmpty((string?)queue["list"]));

        var cluster = Single("PerconaCluster");
        Assert.Equal(3L, (long)cluster["spec"]!["size"]!);
        Assert.Equal((string)cluster["metadata"]!["name"]!, (string)Single("ProxySQL")["spec"]!["clusterRef"]!["name"]!);
        Single("GlusterVolume");

        var backups = Single("BackupSchedule")["spec"]!;
        Assert.Equal("0 * * * *", (string)backups["schedule"]!);
        Assert.Equal("zfsSnapshot", (string)backups["method"]!);
        Assert.True((long)backups["retention"]!["hourly"]! > 0 && (long)backups["retention"]!["daily"]! > 0);
    }
}
