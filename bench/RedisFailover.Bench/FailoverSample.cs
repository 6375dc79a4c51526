namespace BackendStack.Bench;

/// <summary>One master kill: milliseconds from the kill to Sentinel's +switch-master, from there to the label change, and from the kill to the first write through the master Service.</summary>
internal sealed record FailoverSample(string From, string To, double KillToSwitch, double SwitchToLabel, double KillToWrite);
