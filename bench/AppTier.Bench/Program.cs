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
var redisFailovers = new Option<int>("--redis-failovers")
{
    Description = "How many RedisFailovers (no Redis answers their pods) to create before each run, so their children fill the caches.",
    DefaultValueFactory = _ => 0,
};
var emulatorAlone = new Option<bool>("--emulator-alone")
{
    Description = "Also time a fresh emulator making the same objects without the operator (worker tiers), and print the ratio.",
};
var root = new RootCommand("Runs the operator (its own process) against the in-process emulator and prints figures.")
{
    tiers, role, idle, warmUp, redisFailovers, emulatorAlone, NoiseCommand(),
};
root.SetAction(async (result, cancellation) =>
{
    Console.WriteLine(MachineDescription.Describe());
    foreach (var count in result.GetValue(tiers)!)
    {
        TimeSpan? alone = result.GetValue(emulatorAlone) ? await EmulatorAlone.RunAsync(count, cancellation) : null;
        var figures = await AppTierRun.RunAsync(count, result.GetValue(role), TimeSpan.FromSeconds(result.GetValue(idle)), result.GetValue(warmUp), cancellation, result.GetValue(redisFailovers));
        Console.WriteLine((figures with { EmulatorAlone = alone }).Format());
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();

static Command NoiseCommand()
{
    var secrets = new Option<int>("--secrets") { Description = "Unrelated Secrets.", DefaultValueFactory = _ => 5000 };
    var secretKib = new Option<int>("--secret-kib") { Description = "Size of each Secret's data, KiB (a Helm release Secret's).", DefaultValueFactory = _ => 64 };
    var configMaps = new Option<int>("--configmaps") { Description = "Unrelated ConfigMaps (1 KiB each).", DefaultValueFactory = _ => 5000 };
    var deployments = new Option<int>("--deployments") { Description = "Unrelated Deployments (0 replicas).", DefaultValueFactory = _ => 1000 };
    var services = new Option<int>("--services") { Description = "Unrelated Services.", DefaultValueFactory = _ => 1000 };
    var repeats = new Option<int>("--repeats") { Description = "Starts against each cluster; the medians are printed.", DefaultValueFactory = _ => 3 };
    var noise = new Command("noise", "Starts the operator against an empty emulator and one full of other teams' objects: time to /readyz and RSS, side by side.")
    {
        secrets, secretKib, configMaps, deployments, services, repeats,
    };
    noise.SetAction(async (result, cancellation) =>
    {
        Console.WriteLine(MachineDescription.Describe());
        var objects = new NoiseObjects(result.GetValue(secrets), result.GetValue(secretKib), result.GetValue(configMaps), result.GetValue(deployments), result.GetValue(services));
        Console.WriteLine((await NoiseRun.RunAsync(objects, result.GetValue(repeats), cancellation)).Format());
        return 0;
    });
    return noise;
}
