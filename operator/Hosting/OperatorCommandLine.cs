using System.CommandLine;
using BackendStack.Operator.Crds;
using BackendStack.Operator.Runtime.Hosting;

namespace BackendStack.Operator.Hosting;

/// <summary>
/// The command line: the root command runs the operator with <see cref="OperatorOptions"/>,
/// <c>generate crds --output &lt;dir&gt;</c> writes the CustomResourceDefinitions.
/// </summary>
public static class OperatorCommandLine
{
    /// <summary>Builds the root command; <paramref name="run"/> runs the operator until the token is cancelled.</summary>
    public static RootCommand Create(Func<OperatorOptions, CancellationToken, Task<int>> run)
    {
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Path of a kubeconfig file. Default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account.",
        };
        var watchNamespace = new Option<string?>("--namespace", "-n")
        {
            Description = "Watch only these namespaces: one, or a comma-separated list (a,b), each watched on its own; "
                          + "the operator then needs only Roles in them (config/namespaced). Default: all namespaces.",
        };
        watchNamespace.Validators.Add(result =>
        {
            if (NamespaceList.Problem(result.GetValueOrDefault<string?>()) is { } problem)
            {
                result.AddError($"--namespace: {problem}");
            }
        });
        var metrics = new Option<string>("--metrics-bind-address")
        {
            Description = "Address the /metrics endpoint binds to, as host:port or :port; 0 disables it.",
            DefaultValueFactory = _ => ":8080",
        };
        var health = new Option<string>("--health-probe-bind-address")
        {
            Description = "Address the /healthz and /readyz endpoints bind to, as host:port or :port.",
            DefaultValueFactory = _ => ":8081",
        };
        foreach (var address in new[] { metrics, health })
        {
            address.Validators.Add(result =>
            {
                if (!BindAddress.TryParse(result.GetValueOrDefault<string>(), out _, out var problem))
                {
                    result.AddError($"{address.Name}: {problem}");
                }
            });
        }

        var leaderElect = new Option<bool>("--leader-elect")
        {
            Description = "Elect a leader through a Lease, so only one replica reconciles at a time.",
        };

        var root = new RootCommand("BackendStack operator: runs the controllers of the backendstack.io resources.")
        {
            kubeconfig, watchNamespace, metrics, health, leaderElect, GenerateCommand(),
        };
        root.SetAction((result, cancellation) => run(
            new OperatorOptions
            {
                Kubeconfig = result.GetValue(kubeconfig),
                Namespace = result.GetValue(watchNamespace),
                MetricsBindAddress = result.GetValue(metrics)!,
                HealthProbeBindAddress = result.GetValue(health)!,
                LeaderElect = result.GetValue(leaderElect),
            },
            cancellation));
        return root;
    }

    private static Command GenerateCommand()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory the files are written to (created when missing).",
            Required = true,
        };
        var crds = new Command("crds", "Write the CustomResourceDefinition of every kind, one file per kind.") { output };
        crds.SetAction(result =>
        {
            foreach (var path in CrdGenerator.WriteAll(result.GetValue(output)!))
            {
                result.InvocationConfiguration.Output.WriteLine(path);
            }
        });
        return new Command("generate", "Generate files from the API types.") { crds };
    }
}
