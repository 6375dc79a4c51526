using k8s;
using k8s.Models;

namespace BackendStack.Operator.Runtime.Events;

/// <summary>Records core/v1 Events about an object (what <c>kubectl describe</c> shows). Never blocks the caller.</summary>
internal interface IEventRecorder
{
    void Normal(IKubernetesObject<V1ObjectMeta> regarding, string reason, string message);

    void Warning(IKubernetesObject<V1ObjectMeta> regarding, string reason, string message);
}
