using System.Text;
using k8s;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>
/// Runs a command in a pod's container through pods/exec (what <c>kubectl exec</c> does), with a deadline: the
/// exit code and both outputs come back; a pod that does not answer in time is an error, never a hang.
/// </summary>
internal sealed class PodCommand(IKubernetes client)
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public async Task<Result> RunAsync(string ns, string pod, string container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string stdout = "", stderr = "";
        var code = await client.NamespacedPodExecAsync(pod, ns, container, [.. command], tty: false, async (input, output, error) =>
        {
            input.Close();
            var reading = new StreamReader(output, Encoding.UTF8).ReadToEndAsync(deadline.Token);
            stderr = await new StreamReader(error, Encoding.UTF8).ReadToEndAsync(deadline.Token).ConfigureAwait(false);
            stdout = await reading.ConfigureAwait(false);
        }, deadline.Token).ConfigureAwait(false);
        return new Result(code, stdout, stderr);
    }
}
