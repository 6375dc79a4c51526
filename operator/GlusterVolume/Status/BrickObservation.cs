namespace BackendStack.Operator.GlusterVolumes.Status;

/// <summary>One brick as <c>gluster volume status &lt;vol&gt; detail --xml</c> reports it.</summary>
/// <param name="Host">Host name of the brick's peer.</param>
/// <param name="Path">Directory of the brick on that host.</param>
/// <param name="Online">Whether the brick process (glusterfsd) is running.</param>
/// <param name="Pid">Process id of glusterfsd, or null when it is not running.</param>
/// <param name="SizeTotal">Bytes of the brick's file system (reported even while the brick is offline), or null.</param>
/// <param name="SizeFree">Free bytes of the brick's file system, or null.</param>
public sealed record BrickObservation(string Host, string Path, bool Online, int? Pid, long? SizeTotal = null, long? SizeFree = null);
