using k8s;

namespace BackendStack.Operator.Runtime.Clients;

/// <summary>
/// Wires <see cref="SharedStringConverter"/> into the JSON options of a client configuration, which its typed API
/// decodes every list, watch event and response with, so the objects the caches hold share their repeated strings.
/// </summary>
internal static class SharedStrings
{
    public static KubernetesClientConfiguration Share(KubernetesClientConfiguration configuration)
    {
        if (!configuration.JsonSerializerOptions.Converters.OfType<SharedStringConverter>().Any())
        {
            configuration.AddJsonOptions(options => options.Converters.Add(new SharedStringConverter()));
        }

        return configuration;
    }
}
