using System.Xml;
using System.Xml.Linq;
using BackendStack.Operator.GlusterVolumes.Builders;
using BackendStack.Operator.GlusterVolumes.Status;
using BackendStack.Operator.Runtime.Clients;

namespace BackendStack.Operator.GlusterVolumes;

/// <summary>
/// The data-plane side effects of a reconcile, in one place: every gluster command runs in a glusterd pod through
/// pods/exec (the CLI talks to its own pod's glusterd over the pod's socket; over TCP glusterd answers only read-only
/// commands). The reads of one reconcile are one exec; each write is one <c>gluster --mode=script ... --xml</c>, whose
/// <c>opErrstr</c> comes back as the error.
/// </summary>
internal sealed class GlusterExecutor(PodCommand pods)
{
    private const string Separator = "--8<-- backendstack --8<--";
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The reads, in order: pool list, volume info, status detail, heal info summary, volume get all. The heal summary
    /// comes from glfsheal itself, told where glusterd's socket is: <c>gluster volume heal</c> starts glfsheal without the
    /// CLI's <c>--glusterd-sock</c>, so where the socket is not at /var/run/glusterd.socket (the local runtime keeps each
    /// pod's in /var/run/gluster) it fails with "Not able to fetch volfile from glusterd". glfsheal's directory differs by
    /// distribution (libexec on CentOS, the multiarch lib directory on Debian).
    /// </summary>
    private static readonly string ReadScript = $$"""
        g() { gluster --mode=script "$@" --xml 2>&1; echo; echo '{{Separator}}'; }
        sock=/var/run/glusterd.socket; [ -S /var/run/gluster/glusterd.socket ] && sock=/var/run/gluster/glusterd.socket
        heal=; for f in /usr/libexec/glusterfs/glfsheal /usr/lib/*/glusterfs/glfsheal /usr/lib/glusterfs/glfsheal; do [ -x "$f" ] && heal=$f && break; done
        g pool list; g volume info "$1"; g volume status "$1" detail
        if [ -n "$heal" ]; then "$heal" "$1" info-summary --xml glusterd-sock "$sock" 2>&1; else echo 'glfsheal not found'; fi; echo; echo '{{Separator}}'
        g volume get "$1" all
        """;

    public async Task<GlusterObservation> ObserveAsync(string ns, string pod, string volume, CancellationToken cancellationToken)
    {
        PodCommand.Result result;
        try
        {
            result = await pods.RunAsync(ns, pod, GlusterVolumeNames.ContainerName, ["sh", "-c", ReadScript, "sh", volume], ExecTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsExecFailure(e, cancellationToken))
        {
            return new GlusterObservation(new Dictionary<string, bool>(), null, [], null, null, [$"exec in {pod}: {e.Message}"]);
        }

        var sections = result.Stdout.Split(Separator);
        var problems = new List<string>();
        var peers = Parse(sections, 0, "pool list", PoolListXml.Peers, problems);
        if (peers is null)
        {
            return new GlusterObservation(new Dictionary<string, bool>(), null, [], null, null, [$"glusterd in {pod}: {problems[0]}"]);
        }

        var info = Parse(sections, 1, "volume info", VolumeInfoXml.Read, problems);
        IReadOnlyList<BrickObservation> bricks = [];
        long? heal = null;
        if (info is { Started: true })
        {
            bricks = Parse(sections, 2, "volume status", VolumeStatusXml.Bricks, problems) ?? [];
            heal = Parse(sections, 3, "volume heal info", x => (long?)HealSummaryXml.Pending(x), problems);
        }

        var options = info is { Exists: true } ? Parse(sections, 4, "volume get", VolumeOptionsXml.Read, problems) : null;
        return new GlusterObservation(peers, info, bricks, heal, options, problems);
    }

    /// <summary>Adds a pod to the lead's pool by its stable name.</summary>
    public Task<string?> ProbeAsync(string ns, string lead, string host, CancellationToken cancellationToken) =>
        RunAsync(ns, lead, ["peer", "probe", host], cancellationToken);

    /// <summary>
    /// Makes the brick directory in a pod: glusterd creates only its last component (glusterfs 10.3 fails with "Failed to
    /// create brick directory ... No such file or directory" when <c>/bricks/&lt;vol&gt;</c> is missing).
    /// </summary>
    public async Task<string?> MakeBrickDirectoryAsync(string ns, string pod, string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = await pods.RunAsync(ns, pod, GlusterVolumeNames.ContainerName, ["mkdir", "-p", path], ExecTimeout, cancellationToken).ConfigureAwait(false);
            return result.ExitCode == 0 ? null : $"mkdir -p {path} in {pod}: {result.Stderr.Trim()}";
        }
        catch (Exception e) when (IsExecFailure(e, cancellationToken))
        {
            return $"mkdir -p {path} in {pod}: {e.Message}";
        }
    }

    /// <summary>
    /// Creates the volume with one brick per pod. <c>force</c>: a brick directory of a claim may sit on the root file
    /// system (as every claim of the local runtime does), which gluster otherwise refuses.
    /// </summary>
    public Task<string?> CreateAsync(string ns, string lead, string volume, IReadOnlyList<string> bricks, CancellationToken cancellationToken) =>
        RunAsync(ns, lead, ["volume", "create", volume, .. bricks.Count > 1 ? new[] { "replica", bricks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [], .. bricks, "force"], cancellationToken);

    /// <summary><c>volume start</c>, or with <paramref name="force"/> the start of every brick process that is down.</summary>
    public Task<string?> StartAsync(string ns, string lead, string volume, bool force, CancellationToken cancellationToken) =>
        RunAsync(ns, lead, force ? ["volume", "start", volume, "force"] : ["volume", "start", volume], cancellationToken);

    public Task<string?> SetAsync(string ns, string lead, string volume, string option, string value, CancellationToken cancellationToken) =>
        RunAsync(ns, lead, ["volume", "set", volume, option, value], cancellationToken);

    private async Task<string?> RunAsync(string ns, string pod, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        try
        {
            var result = await pods.RunAsync(ns, pod, GlusterVolumeNames.ContainerName, ["gluster", "--mode=script", .. command, "--xml"], ExecTimeout, cancellationToken).ConfigureAwait(false);
            var root = XDocument.Parse(result.Stdout).Root;
            return (string?)root?.Element("opRet") == "0" ? null : (string?)root?.Element("opErrstr") ?? $"exit code {result.ExitCode}";
        }
        catch (XmlException)
        {
            return $"gluster {string.Join(' ', command.Take(2))} answered no XML";
        }
        catch (Exception e) when (IsExecFailure(e, cancellationToken))
        {
            return $"gluster {string.Join(' ', command.Take(2))}: {e.Message}";
        }
    }

    private static bool IsExecFailure(Exception e, CancellationToken cancellationToken) =>
        e is IOException or TimeoutException or k8s.Autorest.HttpOperationException or System.Net.WebSockets.WebSocketException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static T? Parse<T>(string[] sections, int index, string what, Func<string, T> read, List<string> problems)
    {
        var text = index < sections.Length ? sections[index].Trim() : "";
        try
        {
            return read(text);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or FormatException)
        {
            problems.Add(e is XmlException ? $"gluster {what}: {FirstLine(text)}" : e.Message);
            return default;
        }
    }

    private static string FirstLine(string text) => text.Length == 0 ? "no answer" : text.Split('\n')[0].Trim();
}
