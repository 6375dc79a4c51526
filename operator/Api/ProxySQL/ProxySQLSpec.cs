using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>The desired state of a ProxySQL.</summary>
public sealed class ProxySQLSpec
{
    /// <summary>The PerconaCluster in the same namespace that ProxySQL routes to.</summary>
    [JsonPropertyName("clusterRef")]
    [Required]
    public LocalObjectReference ClusterRef { get; set; } = new();

    /// <summary>Number of ProxySQL pods; at least 2 so one can restart without an outage.</summary>
    [JsonPropertyName("replicas")]
    [Range(2, int.MaxValue)]
    [DefaultValue(2)]
    public int Replicas { get; set; } = 2;

    /// <summary>Container image of ProxySQL.</summary>
    [JsonPropertyName("image")]
    [DefaultValue("proxysql/proxysql:2.7")]
    public string Image { get; set; } = "proxysql/proxysql:2.7";

    /// <summary>CPU and memory requests and limits of each ProxySQL container.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>How many nodes take writes, and whether they also take reads.</summary>
    [JsonPropertyName("writers")]
    public ProxySQLWritersSpec Writers { get; set; } = new();

    /// <summary>A reader more than this many transactions behind is taken out of rotation.</summary>
    [JsonPropertyName("maxTransactionsBehind")]
    [Range(0, int.MaxValue)]
    [DefaultValue(100)]
    public int MaxTransactionsBehind { get; set; } = 100;

    /// <summary>Send SELECT to the readers and writes and SELECT ... FOR UPDATE to the writer.</summary>
    [JsonPropertyName("readWriteSplit")]
    [DefaultValue(true)]
    public bool ReadWriteSplit { get; set; } = true;

    /// <summary>Extra query rules, evaluated before the read/write split rules.</summary>
    [JsonPropertyName("queryRules")]
    [MaxLength(256)]
    public IList<ProxySQLQueryRule>? QueryRules { get; set; }

    /// <summary>Maximum client connections of each ProxySQL pod (<c>mysql-max_connections</c>).</summary>
    [JsonPropertyName("maxConnections")]
    [Range(1, int.MaxValue)]
    public int? MaxConnections { get; set; }
}
