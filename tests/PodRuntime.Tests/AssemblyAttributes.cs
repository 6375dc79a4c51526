using System.Runtime.Versioning;

// Pods run in Linux mount and PID namespaces; so do the sandbox and the operator process these tests start.
[assembly: SupportedOSPlatform("linux")]
