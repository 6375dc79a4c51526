using System.Text.RegularExpressions;
using BackendStack.Operator.Api;
using BackendStack.Operator.AppTiers.Builders;

namespace BackendStack.Operator.AppTiers.Policy;

/// <summary>
/// The rules the CRD schema cannot express. Each failure names the field; a tier that fails any of them is reported
/// as Degraded/InvalidSpec and nothing in the cluster is changed.
/// </summary>
internal static partial class AppTierValidation
{
    public static string? Validate(AppTier tier)
    {
        var spec = tier.Spec;
        if (!ServiceName().IsMatch(tier.Metadata.Name) && spec.Role != AppTierRole.Worker)
        {
            return $"metadata.name: \"{tier.Metadata.Name}\" cannot name the tier's Service: it must start with a letter and be at most 63 characters";
        }

        if (spec.Role == AppTierRole.Worker && spec.Port is not null)
        {
            return "spec.port: a worker tier serves no port; remove it or use role web or app";
        }

        if (spec.Role == AppTierRole.Worker && spec.HealthCheck is { Port: null })
        {
            return "spec.healthCheck.port: a worker tier has no port, so its health check needs one";
        }

        return ValidateEnv(spec) ?? ValidateVolumes(spec) ?? ValidateAutoscaling(spec);
    }

    private static string? ValidateEnv(AppTierSpec spec)
    {
        var injected = new HashSet<string>();
        if (spec.Connections?.Database is not null)
        {
            injected.UnionWith(InjectedEnv.DatabaseNames);
        }

        if (spec.Connections?.Redis is not null)
        {
            injected.UnionWith(InjectedEnv.RedisNames);
        }

        var seen = new HashSet<string>();
        foreach (var (variable, i) in (spec.Env ?? []).Select((v, i) => (v, i)))
        {
            if (string.IsNullOrEmpty(variable.Name) || !EnvName().IsMatch(variable.Name))
            {
                return $"spec.env[{i}].name: \"{variable.Name}\" is not a valid environment variable name";
            }

            if (!seen.Add(variable.Name))
            {
                return $"spec.env[{i}].name: \"{variable.Name}\" is set twice";
            }

            if (injected.Contains(variable.Name))
            {
                return $"spec.env[{i}].name: \"{variable.Name}\" is injected by spec.connections; remove it or the connection";
            }
        }

        return null;
    }

    private static string? ValidateVolumes(AppTierSpec spec)
    {
        var paths = new HashSet<string>();
        foreach (var (volume, i) in (spec.Connections?.Volumes ?? []).Select((v, i) => (v, i)))
        {
            if (!paths.Add(volume.MountPath.TrimEnd('/')))
            {
                return $"spec.connections.volumes[{i}].mountPath: \"{volume.MountPath}\" is already mounted";
            }
        }

        return null;
    }

    private static string? ValidateAutoscaling(AppTierSpec spec)
    {
        if (spec.Autoscaling?.Cpu is not null && spec.Resources?.Requests?.ContainsKey("cpu") != true)
        {
            return "spec.resources.requests.cpu: autoscaling.cpu targets a share of the CPU request, so the request must be set";
        }

        if (spec.Autoscaling is { Cpu: not null, Queue: not null })
        {
            return "spec.autoscaling: choose cpu or queue, not both";
        }

        return null;
    }

    // Environment variable names as the API server accepts them (C_IDENTIFIER plus '-' and '.').
    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvName();

    // A Service name is a DNS-1035 label.
    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex ServiceName();
}
