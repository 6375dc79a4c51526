using BackendStack.Operator.Api;
using BackendStack.Operator.Runtime.Writes;

namespace BackendStack.Operator.AppTiers.Builders;

/// <summary>Labels of a tier's children and the selector of its pods.</summary>
internal static class AppTierLabels
{
    public const string AppName = "apptier";

    public static Dictionary<string, string> For(AppTier tier) =>
        StandardLabels.For(AppName, tier.Metadata.Name, RoleName(tier.Spec.Role));

    public static Dictionary<string, string> Selector(AppTier tier) => StandardLabels.Selector(AppName, tier.Metadata.Name);

    public static string SelectorString(AppTier tier) => StandardLabels.SelectorString(Selector(tier));

    public static string RoleName(AppTierRole role) => role switch
    {
        AppTierRole.Web => "web",
        AppTierRole.App => "app",
        _ => "worker",
    };
}
