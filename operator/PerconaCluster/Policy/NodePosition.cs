using System.Globalization;

namespace BackendStack.Operator.PerconaClusters.Policy;

/// <summary>What seqno.sh printed: the position start.sh recorded when the node last started (uuid=, seqno=, safe_to_bootstrap=).</summary>
internal static class NodePosition
{
    /// <summary>The node's seqno and safe_to_bootstrap; a seqno of -1 or a missing line is unknown (null).</summary>
    public static GaleraNodeSeqno Parse(int ordinal, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        long? seqno = null;
        var safe = false;
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("seqno=", StringComparison.Ordinal) && long.TryParse(line.AsSpan(6), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                seqno = value;
            }
            else if (line == "safe_to_bootstrap=1")
            {
                safe = true;
            }
        }

        return new GaleraNodeSeqno(ordinal, seqno, safe);
    }
}
