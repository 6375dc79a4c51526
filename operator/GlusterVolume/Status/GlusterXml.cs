using System.Xml.Linq;

namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>The envelope every <c>gluster ... --xml</c> answer shares.</summary>
public static class GlusterXml
{
    /// <summary>Throws with gluster's <c>opErrstr</c> when <c>opRet</c> is not 0.</summary>
    public static void ThrowOnError(XElement cliOutput, string command)
    {
        var ret = (string?)cliOutput.Element("opRet");
        if (ret is not null && ret != "0")
        {
            throw new InvalidOperationException($"{command} failed: {(string?)cliOutput.Element("opErrstr")}");
        }
    }
}
