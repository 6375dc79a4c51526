using System.CommandLine;
using BackendStack.Bench;
using BackendStack.Operator.Api;

var tiers = new Option<int[]>("--tiers")
{
    Description = "How many AppTiers to create, one run per value.",
    DefaultValueFactory = _ => [100, 1000],
    AllowMultipleArgumentsPerToken = true,
};
var idle = new Option<int>("--idle-seconds")
{
    Description = "How long to count writes in idle steady state after each run.",
    DefaultValueFactory = _ => 60,
};
var role = new Option<AppTierRole>("--role")
{
    Description = "Role of the tiers: worker (Deployment + PDB) or web/app (also a Service, whose Endpoints the emulator recomputes on every pod change).",
    DefaultValueFactory = _ => AppTierRole.Worker,
};
var warmUp = new Option<int>("--warm-up")
{
    Description = "How many AppTiers to create (until Ready) and delete before each measured run; 0 measures a cold start.",
    DefaultValueFactory = _ => 50,
};
var root = new RootCommand("Runs the operator (its own process) against the in-process emulator and prints figures.") { tiers, role, idle, warmUp };
root.SetAction(async (result, cancellation) =>
{
    Console.WriteLine(MachineDescription.Describe());
    foreach (var count in result.GetValue(tiers)!)
    {
        var figures = await AppTierRun.RunAsync(count, result.GetValue(role), TimeSpan.FromSeconds(result.GetValue(idle)), result.GetValue(warmUp), cancellation);
        Console.WriteLine(figures.Format());
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();
