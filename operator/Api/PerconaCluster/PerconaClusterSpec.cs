using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace BackendStack.Operator.Api;

/// <summary>The desired state of a PerconaCluster.</summary>
[CelRule("(has(self.unsafeFlags) && self.unsafeFlags.size) || (self.size % 2 == 1 && self.size >= 3)",
    Message = "size must be odd and between 3 and 9 unless unsafeFlags.size is true", FieldPath = ".size")]
public sealed class PerconaClusterSpec
{
    /// <summary>Number of Galera nodes: odd, 3 to 9, so the cluster keeps quorum when one node fails.</summary>
    [JsonPropertyName("size")]
    [Range(1, 9)]
    [DefaultValue(3)]
    public int Size { get; set; } = 3;

    /// <summary>Container image of Percona XtraDB Cluster.</summary>
    [JsonPropertyName("image")]
    [DefaultValue("percona/percona-xtradb-cluster:8.0")]
    public string Image { get; set; } = "percona/percona-xtradb-cluster:8.0";

    /// <summary>CPU and memory requests and limits of each database container.</summary>
    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>Persistent storage of each node; use a ZFS-backed StorageClass in production.</summary>
    [JsonPropertyName("storage")]
    public StorageSpec? Storage { get; set; }

    /// <summary>A <c>my.cnf</c> fragment added to the <c>[mysqld]</c> section of every node.</summary>
    [JsonPropertyName("mysqlConfig")]
    public string? MysqlConfig { get; set; }

    /// <summary>Secret with the passwords of the users root, monitor, operator, proxyadmin and backup; generated once when absent.</summary>
    [JsonPropertyName("secretName")]
    [RegularExpression(Patterns.ObjectName)]
    public string? SecretName { get; set; }

    /// <summary>After a full crash, bootstrap the cluster from the node with the highest seqno.</summary>
    [JsonPropertyName("autoRecovery")]
    [DefaultValue(true)]
    public bool AutoRecovery { get; set; } = true;

    /// <summary>Scale the cluster to zero and keep its data; set back to false to resume.</summary>
    [JsonPropertyName("pause")]
    [DefaultValue(false)]
    public bool Pause { get; set; }

    /// <summary>Allows settings that risk data or availability.</summary>
    [JsonPropertyName("unsafeFlags")]
    public UnsafeFlags? UnsafeFlags { get; set; }

    /// <summary>Application users, each granted ALL on its own databases only.</summary>
    [JsonPropertyName("users")]
    public IList<PerconaClusterUser>? Users { get; set; }

    /// <summary>Start a new cluster from a Backup; the backed-up cluster is never touched.</summary>
    [JsonPropertyName("dataSource")]
    public PerconaClusterDataSource? DataSource { get; set; }
}
