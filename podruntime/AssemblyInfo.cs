using System.Runtime.Versioning;

// Mount namespaces, bind mounts and /proc: the runtime is Linux-only.
[assembly: SupportedOSPlatform("linux")]
