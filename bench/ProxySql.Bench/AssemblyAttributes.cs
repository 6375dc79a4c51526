using System.Runtime.Versioning;

// Pods run in Linux mount and PID namespaces.
[assembly: SupportedOSPlatform("linux")]
