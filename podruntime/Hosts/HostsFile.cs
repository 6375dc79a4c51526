using System.Text;
using k8s.Models;

namespace BackendStack.PodRuntime.Hosts;

/// <summary>
/// The /etc/hosts a namespace's Pods see, standing in for cluster DNS: every Pod's hostname (and
/// <c>hostname.subdomain.ns.svc.domain</c> for Pods of a headless Service), and every Service name
/// resolving to the addresses of the ready Pods it selects (there is no Service proxy here, so a
/// Service's name leads straight to its endpoints). Short names only for the namespace itself. Pure.
/// </summary>
public static class HostsFile
{
    public static string Build(string namespaceName, IReadOnlyList<V1Pod> pods, IReadOnlyList<V1Service> services, string clusterDomain)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(services);
        var text = new StringBuilder();
        text.AppendLine("127.0.0.1\tlocalhost");
        text.AppendLine("::1\tlocalhost ip6-localhost ip6-loopback");
        var addressed = pods.Where(p => !string.IsNullOrEmpty(p.Status?.PodIP) && p.Metadata.DeletionTimestamp is null)
            .OrderBy(p => p.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var pod in addressed)
        {
            var ns = PodKey.Of(pod).Namespace;
            var hostname = pod.Spec.Hostname ?? pod.Metadata.Name;
            var names = new List<string>();
            if (pod.Spec.Subdomain is { Length: > 0 } subdomain)
            {
                names.Add($"{hostname}.{subdomain}.{ns}.svc.{clusterDomain}");
                names.Add($"{hostname}.{subdomain}.{ns}.svc");
                names.Add($"{hostname}.{subdomain}.{ns}");
                if (ns == namespaceName)
                {
                    names.Add($"{hostname}.{subdomain}");
                }
            }

            if (ns == namespaceName)
            {
                names.Add(hostname);
            }

            if (names.Count > 0)
            {
                text.AppendLine($"{pod.Status.PodIP}\t{string.Join(' ', names)}");
            }
        }

        foreach (var service in services.OrderBy(s => s.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            var ns = service.Metadata.NamespaceProperty ?? "default";
            var name = service.Metadata.Name;
            var names = string.Join(' ', new[] { $"{name}.{ns}.svc.{clusterDomain}", $"{name}.{ns}.svc", $"{name}.{ns}" }
                .Concat(ns == namespaceName ? [name] : []));
            foreach (var pod in addressed.Where(p => Selects(service, p)))
            {
                text.AppendLine($"{pod.Status.PodIP}\t{names}");
            }
        }

        return text.ToString();
    }

    private static bool Selects(V1Service service, V1Pod pod)
    {
        var selector = service.Spec?.Selector;
        if (selector is null || selector.Count == 0 || (pod.Metadata.NamespaceProperty ?? "default") != (service.Metadata.NamespaceProperty ?? "default"))
        {
            return false;
        }

        var labels = pod.Metadata.Labels ?? new Dictionary<string, string>();
        var ready = pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
        return (ready || service.Spec!.PublishNotReadyAddresses == true)
            && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);
    }
}
