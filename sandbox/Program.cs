using System.CommandLine;
using System.Runtime.Versioning;
using BackendStack.Sandbox;

[assembly: SupportedOSPlatform("linux")]

// Stopping Pods and the operator takes longer than System.CommandLine's default 2 s after Ctrl-C.
return await SandboxCommandLine.Create().Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
