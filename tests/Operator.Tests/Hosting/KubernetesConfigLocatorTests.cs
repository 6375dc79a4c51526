using BackendStack.Operator.Hosting;

namespace BackendStack.Tests.Hosting;

public sealed class KubernetesConfigLocatorTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("kubeconfig-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void ExplicitKubeconfigWinsOverTheEnvironmentAndHome()
    {
        var explicitFile = WriteKubeconfig("explicit", "https://127.0.0.1:6443");
        var variable = WriteKubeconfig("variable", "https://127.0.0.2:6443");
        WriteKubeconfig(Path.Combine(".kube", "config"), "https://127.0.0.3:6443");

        Assert.Equal("https://127.0.0.1:6443", KubernetesConfigLocator.Load(explicitFile, variable, dir.FullName, inCluster: false).Host);
        Assert.Equal("https://127.0.0.2:6443", KubernetesConfigLocator.Load(null, variable, dir.FullName, inCluster: false).Host);
        Assert.Equal("https://127.0.0.3:6443", KubernetesConfigLocator.Load(null, null, dir.FullName, inCluster: false).Host);
    }

    [Fact]
    public void KubeconfigVariableTakesTheFirstExistingFileOfTheList()
    {
        var second = WriteKubeconfig("second", "https://127.0.0.4:6443");
        var list = string.Join(Path.PathSeparator, Path.Combine(dir.FullName, "missing"), second);

        Assert.Equal("https://127.0.0.4:6443", KubernetesConfigLocator.Load(null, list, dir.FullName, inCluster: false).Host);
    }

    [Theory]
    [InlineData("--kubeconfig", "--kubeconfig: file not found")]
    [InlineData("KUBECONFIG", "KUBECONFIG: no such file")]
    [InlineData("none", "pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run inside a cluster")]
    public void MissingConfigurationNamesWhereItLooked(string source, string message)
    {
        var missing = Path.Combine(dir.FullName, "missing");
        var error = Assert.Throws<InvalidOperationException>(() => KubernetesConfigLocator.Load(
            source == "--kubeconfig" ? missing : null, source == "KUBECONFIG" ? missing : null, dir.FullName, inCluster: false));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedKubeconfigIsReportedWithItsSource()
    {
        var file = Path.Combine(dir.FullName, "broken");
        File.WriteAllText(file, "apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n");

        var error = Assert.Throws<InvalidOperationException>(() => KubernetesConfigLocator.Load(file, null, dir.FullName, inCluster: false));

        Assert.StartsWith("--kubeconfig: " + file, error.Message, StringComparison.Ordinal);
    }

    private string WriteKubeconfig(string relativePath, string server)
    {
        var path = Path.Combine(dir.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: test
                cluster: {"{"} server: "{server}" {"}"}
            users:
              - name: test
                user: {"{"} token: "t" {"}"}
            contexts:
              - name: test
                context: {"{"} cluster: test, user: test {"}"}
            current-context: test
            """);
        return path;
    }
}
