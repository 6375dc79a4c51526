namespace BackendStack.Operator.GlusterVolumes.Policy;

/// <summary>The one data-plane step a reconcile takes on a GlusterVolume.</summary>
internal enum VolumeAction
{
    /// <summary>Nothing to do: the volume is started and every brick whose pod runs is online.</summary>
    None,

    /// <summary>Pods or peers are not there yet; the message says which.</summary>
    Wait,

    /// <summary><c>peer probe</c> the target hosts from the lead pod.</summary>
    Probe,

    /// <summary><c>volume create</c> with the target bricks.</summary>
    Create,

    /// <summary><c>volume start</c>.</summary>
    Start,

    /// <summary><c>volume start force</c>: the target pods run but their bricks are offline.</summary>
    RestartBricks,
}
