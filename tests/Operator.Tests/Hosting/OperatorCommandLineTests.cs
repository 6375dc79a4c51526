using System.CommandLine;
using BackendStack.Operator.Hosting;

namespace BackendStack.Tests.Hosting;

public class OperatorCommandLineTests
{
    [Fact]
    public void DefaultsMatchTheContract()
    {
        var options = Parse([]);

        Assert.Null(options.Kubeconfig);
        Assert.Null(options.Namespace);
        Assert.Equal(":8080", options.MetricsBindAddress);
        Assert.Equal(":8081", options.HealthProbeBindAddress);
        Assert.False(options.LeaderElect);
    }

    [Fact]
    public void EveryOptionIsParsed()
    {
        var options = Parse(["--kubeconfig", "/tmp/k", "--namespace", "shop", "--metrics-bind-address", "127.0.0.1:9090",
            "--health-probe-bind-address", "127.0.0.1:9091", "--leader-elect"]);

        Assert.Equal(new OperatorOptions
        {
            Kubeconfig = "/tmp/k",
            Namespace = "shop",
            MetricsBindAddress = "127.0.0.1:9090",
            HealthProbeBindAddress = "127.0.0.1:9091",
            LeaderElect = true,
        }, options);
    }

    [Fact]
    public void HelpDocumentsEveryOptionAndTheGenerateCommand()
    {
        var output = new StringWriter();
        var exitCode = OperatorCommandLine.Create((_, _) => Task.FromResult(1)).Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });

        Assert.Equal(0, exitCode);
        var help = output.ToString();
        foreach (var text in new[] { "--kubeconfig", "KUBECONFIG", "~/.kube/config", "in-cluster", "--namespace", "all namespaces",
                     "--metrics-bind-address", ":8080", "--health-probe-bind-address", ":8081", "--leader-elect", "generate" })
        {
            Assert.Contains(text, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownOptionIsAnErrorAndRunsNothing()
    {
        var ran = false;
        var exitCode = OperatorCommandLine.Create((_, _) =>
            {
                ran = true;
                return Task.FromResult(0);
            })
            .Parse(["--leader-elekt"]).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });

        Assert.NotEqual(0, exitCode);
        Assert.False(ran);
    }

    [Theory]
    [InlineData("--metrics-bind-address", "localhost:8080")]
    [InlineData("--health-probe-bind-address", "8081")]
    [InlineData("--metrics-bind-address", "127.0.0.1:http")]
    public void ABindAddressThatIsNotHostPortIsAnErrorNamingTheOptionAndRunsNothing(string option, string value)
    {
        var ran = false;
        var error = new StringWriter();
        var exitCode = OperatorCommandLine.Create((_, _) =>
            {
                ran = true;
                return Task.FromResult(0);
            })
            .Parse([option, value]).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.NotEqual(0, exitCode);
        Assert.False(ran);
        Assert.Contains($"{option}: '{value}' is not host:port, :port or 0", error.ToString(), StringComparison.Ordinal);
    }

    private static OperatorOptions Parse(string[] args)
    {
        OperatorOptions? parsed = null;
        var exitCode = OperatorCommandLine.Create((options, _) =>
        {
            parsed = options;
            return Task.FromResult(0);
        }).Parse(args).Invoke();

        Assert.Equal(0, exitCode);
        return parsed!;
    }
}
