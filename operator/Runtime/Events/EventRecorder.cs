using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendStack.Operator.Runtime.Events;

/// <summary>
/// Writes core/v1 Events in the background (client-go's event broadcaster): a repeat of the same event about the
/// same object increments <c>count</c> on the existing Event instead of creating another, and each object is
/// rate-limited by <see cref="EventSpamFilter"/>. Recording only enqueues; a full buffer drops the event.
/// </summary>
internal sealed partial class EventRecorder(IKubernetes client, TimeProvider time, ILogger<EventRecorder> logger, string component)
    : BackgroundService, IEventRecorder
{
    private const int MaxRemembered = 4096;

    private readonly Channel<Corev1Event> pending = Channel.CreateBounded<Corev1Event>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Dictionary<string, Corev1Event> recorded = [];
    private readonly EventSpamFilter spamFilter = new(time);

    public void Normal(IKubernetesObject<V1ObjectMeta> regarding, string reason, string message) => Record(regarding, "Normal", reason, message);

    public void Warning(IKubernetesObject<V1ObjectMeta> regarding, string reason, string message) => Record(regarding, "Warning", reason, message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in pending.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await WriteAsync(e, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogWriteFailed(logger, e.Reason, e.InvolvedObject.Name, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Undelivered events are dropped on shutdown, as client-go drops them.
        }
    }

    private void Record(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ns = regarding.Metadata.NamespaceProperty ?? "default";
        var involved = new V1ObjectReference
        {
            ApiVersion = regarding.ApiVersion,
            Kind = regarding.Kind,
            Name = regarding.Metadata.Name,
            NamespaceProperty = ns,
            Uid = regarding.Metadata.Uid,
            ResourceVersion = regarding.Metadata.ResourceVersion,
        };
        pending.Writer.TryWrite(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = $"{regarding.Metadata.Name}.{now.Ticks:x}", NamespaceProperty = ns },
            InvolvedObject = involved,
            Type = type,
            Reason = reason,
            Message = message,
            Count = 1,
            FirstTimestamp = now,
            LastTimestamp = now,
            Source = new V1EventSource { Component = component },
            ReportingComponent = component,
            ReportingInstance = Environment.MachineName,
        });
    }

    private async Task WriteAsync(Corev1Event e, CancellationToken cancellationToken)
    {
        var o = e.InvolvedObject;
        if (!spamFilter.Allow($"{o.NamespaceProperty}/{o.Kind}/{o.Name}/{o.Uid}"))
        {
            return;
        }

        var key = $"{o.NamespaceProperty}/{o.Kind}/{o.Name}/{o.Uid}/{e.Type}/{e.Reason}/{e.Message}";
        if (recorded.TryGetValue(key, out var previous))
        {
            var patch = new V1Patch(
                new { count = (previous.Count ?? 1) + 1, lastTimestamp = e.LastTimestamp }, V1Patch.PatchType.MergePatch);
            try
            {
                recorded[key] = await client.CoreV1.PatchNamespacedEventAsync(
                    patch, previous.Metadata.Name, previous.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
            {
                // The earlier Event expired (events have a TTL); start a new one.
                recorded.Remove(key);
            }
        }

        if (recorded.Count >= MaxRemembered)
        {
            recorded.Clear();
        }

        recorded[key] = await client.CoreV1.CreateNamespacedEventAsync(e, e.Metadata.NamespaceProperty, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not record event {Reason} about {Name}")]
    private static partial void LogWriteFailed(ILogger logger, string reason, string name, Exception error);
}
