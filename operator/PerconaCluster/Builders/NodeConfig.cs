namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// What every node starts with: node.cnf, and the Galera provider options from spec.mysqlConfig's
/// <c>wsrep_provider_options</c> (start.sh puts them before the ones the operator sets per node, which win).
/// </summary>
internal sealed record NodeConfig(string Text, string ProviderOptions)
{
    /// <summary>What only a restart applies: the template carries its hash, so a change rolls the nodes.</summary>
    public string RestartPart => Text + "\n" + ProviderOptions + "\n" + NodeScripts.Start + NodeScripts.Ready;
}
