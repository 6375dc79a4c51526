using BackendStack.Operator.Crds;
using BackendStack.Tests.Manifests;

namespace BackendStack.Tests.Crds;

public sealed class CrdGenerationTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("crds-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public void CommittedCrdsAreWhatTheGeneratorWritesNow()
    {
        var written = CrdGenerator.WriteAll(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var committed = Directory.GetFiles(RepositoryRoot.Combine("crds"), "backendstack.io_*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(7, written.Count);
        Assert.Equal(written, committed);
        foreach (var file in written)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(output, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(RepositoryRoot.Combine("crds", file!))),
                $"crds/{file} differs from the generator's output: run `dotnet run --project operator -- generate crds --output crds`");
        }
    }

    [Fact]
    public void CrdsKustomizationListsEveryGeneratedFile()
    {
        var kustomization = YamlJson.ParseAll(File.ReadAllText(RepositoryRoot.Combine("crds", "Kustomization")))[0];
        var resources = kustomization["resources"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal);

        Assert.Equal(CrdGenerator.Generate().Select(f => f.FileName).Order(StringComparer.Ordinal), resources);
    }

    [Fact]
    public void GenerateCommandWritesOneFilePerKind()
    {
        var exitCode = Operator.Hosting.OperatorCommandLine.Create((_, _) => Task.FromResult(1))
            .Parse(["generate", "crds", "--output", output]).Invoke(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null });

        Assert.Equal(0, exitCode);
        Assert.Equal(7, Directory.GetFiles(output, "backendstack.io_*.yaml").Length);
    }
}
