using System.Text.RegularExpressions;
using BackendStack.Operator.Api;
using BackendStack.Operator.GlusterVolumes.Builders;

namespace BackendStack.Operator.GlusterVolumes.Policy;

/// <summary>
/// The rules of a GlusterVolume's spec the CRD schema does not enforce everywhere: at least one brick, a brick size,
/// option names of the <c>translator.option</c> form gluster uses (lower-case letters, digits, '-', '_', dot-separated)
/// and option values that are one non-empty line. Any error leaves everything as it is.
/// </summary>
internal static partial class SpecValidation
{
    public const int MaxReplicas = 16;

    public static IReadOnlyList<GlusterSpecError> Check(GlusterVolumeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<GlusterSpecError>();
        if (spec.Replicas is < 1 or > MaxReplicas)
        {
            errors.Add(new("spec.replicas", $"{spec.Replicas} is outside 1..{MaxReplicas}"));
        }

        if (string.IsNullOrWhiteSpace(spec.BrickStorage?.Size))
        {
            errors.Add(new("spec.brickStorage.size", "is required"));
        }

        foreach (var (name, value) in (spec.Options ?? new Dictionary<string, string>()).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!OptionName().IsMatch(name))
            {
                errors.Add(new($"spec.options[{name}]", "is not a gluster option name (translator.option: lower-case letters, digits, '-', '_')"));
            }
            else if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl))
            {
                errors.Add(new($"spec.options[{name}]", "needs a non-empty value on one line"));
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9_-]+(\\.[a-z0-9_-]+)+$")]
    private static partial Regex OptionName();
}
