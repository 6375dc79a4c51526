using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace BackendStack.Sandbox;

/// <summary>Reads the stack's resources and Pods and renders the live summary.</summary>
public sealed partial class StatusBoard(IKubernetes client, string namespaceName, ILogger logger)
{
    private static readonly string[] Plurals = ["redisfailovers", "perconaclusters", "proxysqls", "glustervolumes", "apptiers", "backupschedules", "backups"];

    public async Task<IReadOnlyList<ResourceSummary>> ReadResourcesAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<ResourceSummary>();
        foreach (var plural in Plurals)
        {
            JsonElement list;
            try
            {
                list = (JsonElement)await client.CustomObjects.ListNamespacedCustomObjectAsync("backendstack.io", "v1alpha1", namespaceName, plural,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (k8s.Autorest.HttpOperationException e)
            {
                // Safe to skip: a kind whose CRD is not served (yet) has nothing to show, and the board is read again
                // within a second, so a passing failure only leaves that kind out of one frame.
                LogKindSkipped(logger, plural, (int)e.Response.StatusCode, e.Response.ReasonPhrase);
                continue;
            }

            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                summaries.Add(Summarize(plural, item));
            }
        }

        return summaries;
    }

    public async Task<IReadOnlyList<ResourceSummary>> ReadPodsAsync(CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(namespaceName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. pods.Items.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Select(Summarize)];
    }

    /// <summary>The summary as text. Pure.</summary>
    public static string Render(IReadOnlyList<ResourceSummary> resources, IReadOnlyList<ResourceSummary> pods)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(pods);
        var text = new StringBuilder();
        text.AppendLine($"{"RESOURCE",-36} {"PHASE",-13} CONDITIONS");
        foreach (var r in resources)
        {
            text.AppendLine($"{r.Name,-36} {r.Phase,-13} {r.Detail}");
        }

        text.AppendLine();
        text.AppendLine($"{"POD",-36} {"PHASE",-13} DETAIL");
        foreach (var p in pods)
        {
            text.AppendLine($"{p.Name,-36} {p.Phase,-13} {p.Detail}");
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "listing {Plural} failed with {Code} {Reason}; left out of this frame")]
    private static partial void LogKindSkipped(ILogger logger, string plural, int code, string? reason);

    private static ResourceSummary Summarize(string plural, JsonElement item)
    {
        var name = $"{plural.TrimEnd('s')}/{item.GetProperty("metadata").GetProperty("name").GetString()}";
        if (!item.TryGetProperty("status", out var status))
        {
            return new ResourceSummary(name, "-", "(no status yet)", false);
        }

        var phase = status.TryGetProperty("phase", out var p) ? p.GetString() ?? "-" : "-";
        var conditions = status.TryGetProperty("conditions", out var c) ? c.EnumerateArray().ToList() : [];
        var detail = string.Join(' ', conditions.Select(x => $"{x.GetProperty("type").GetString()}={x.GetProperty("status").GetString()}"));
        var notReady = conditions.FirstOrDefault(x => x.GetProperty("type").GetString() == "Ready" && x.GetProperty("status").GetString() != "True");
        if (notReady.ValueKind == JsonValueKind.Object && notReady.TryGetProperty("message", out var message))
        {
            detail += $" ({message.GetString()})";
        }

        var ready = conditions.Any(x => x.GetProperty("type").GetString() == "Ready" && x.GetProperty("status").GetString() == "True");
        return new ResourceSummary(name, phase, detail, ready);
    }

    private static ResourceSummary Summarize(V1Pod pod)
    {
        var containers = pod.Status?.ContainerStatuses ?? [];
        var ready = containers.Count(c => c.Ready);
        var restarts = containers.Sum(c => c.RestartCount);
        var waiting = containers.Select(c => c.State?.Waiting).FirstOrDefault(w => w is not null);
        var detail = $"ready {ready}/{pod.Spec.Containers.Count}, restarts {restarts}"
            + (waiting is null ? "" : $", {waiting.Reason}: {waiting.Message}");
        return new ResourceSummary($"pod/{pod.Metadata.Name}", pod.Status?.Phase ?? "-", detail, ready == pod.Spec.Containers.Count);
    }
}
