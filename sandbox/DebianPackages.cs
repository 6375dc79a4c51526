using System.Diagnostics;
using BackendStack.PodRuntime.Images;

namespace BackendStack.Sandbox;

/// <summary>
/// The Debian packages whose binaries stand in for the stack's images. Missing ones are installed
/// when running as root (with daemons kept from starting: the sandbox starts what it needs, on
/// loopback addresses only), otherwise the apt-get line is printed.
/// </summary>
public static class DebianPackages
{
    public static IReadOnlyList<string> Missing(ImageTable images)
    {
        ArgumentNullException.ThrowIfNull(images);
        // kubectl applies the manifests, as a person would.
        return [.. images.Images.SelectMany(i => i.DebianPackages).Prepend("kubectl").Distinct().Where(p => !Installed(p))];
    }

    public static async Task EnsureAsync(ImageTable images, bool noInstall, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var missing = Missing(images);
        if (missing.Count == 0)
        {
            return;
        }

        var packages = string.Join(' ', missing);
        var line = $"apt-get install -y --no-install-recommends {packages}";
        if (noInstall || Environment.UserName != "root")
        {
            await output.WriteLineAsync($"missing Debian packages (their Pods stay Pending): run  sudo {line}").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"installing Debian packages: {packages}").ConfigureAwait(false);
        const string PolicyFile = "/usr/sbin/policy-rc.d";
        var ownPolicy = !File.Exists(PolicyFile);
        if (ownPolicy)
        {
            // Exit code 101 tells the packages' scripts not to start their daemons (on 0.0.0.0).
            await File.WriteAllTextAsync(PolicyFile, "#!/bin/sh\nexit 101\n", cancellationToken).ConfigureAwait(false);
            File.SetUnixFileMode(PolicyFile, (UnixFileMode)0b111_101_101);
        }

        try
        {
            var ok = await RunAsync("apt-get", "update -qq", cancellationToken).ConfigureAwait(false)
                && await RunAsync("apt-get", $"install -y -qq --no-install-recommends {packages}", cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(ok ? "installed." : $"installation failed; their Pods stay Pending (try: {line})").ConfigureAwait(false);
        }
        finally
        {
            if (ownPolicy)
            {
                File.Delete(PolicyFile);
            }
        }
    }

    private static bool Installed(string package)
    {
        var start = new ProcessStartInfo("dpkg-query", ["-W", "-f=${Status}", package]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var status = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return status.Contains("install ok installed", StringComparison.Ordinal);
    }

    private static async Task<bool> RunAsync(string command, string arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command, arguments) { UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode == 0;
    }
}
