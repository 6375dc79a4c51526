namespace BackendStack.Emulator.Resources;

/// <summary>The built-in resources the emulator serves, with kube-apiserver's names, short names and categories.</summary>
internal static class BuiltInResources
{
    private static readonly string[] All = ["all"];

    public static IReadOnlyList<ResourceType> Create() =>
    [
        Core("namespaces", "namespace", "Namespace", namespaced: false, ["ns"], status: true),
        Core("configmaps", "configmap", "ConfigMap", namespaced: true, ["cm"]),
        Core("secrets", "secret", "Secret", namespaced: true, []),
        Core("services", "service", "Service", namespaced: true, ["svc"], status: true, categories: All),
        Core("endpoints", "endpoints", "Endpoints", namespaced: true, ["ep"]),
        Core("pods", "pod", "Pod", namespaced: true, ["po"], status: true, categories: All),
        Core("events", "event", "Event", namespaced: true, ["ev"]) with { StorageKey = "events" },
        Core("serviceaccounts", "serviceaccount", "ServiceAccount", namespaced: true, ["sa"]),
        Core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", namespaced: true, ["pvc"], status: true),
        Core("persistentvolumes", "persistentvolume", "PersistentVolume", namespaced: false, ["pv"], status: true),
        Typed("apps", "v1", "statefulsets", "statefulset", "StatefulSet", ["sts"], All) with { HasStatus = true, ScalePaths = ScalePaths.BuiltIn },
        Typed("apps", "v1", "deployments", "deployment", "Deployment", ["deploy"], All) with { HasStatus = true, ScalePaths = ScalePaths.BuiltIn },
        Typed("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", [], []),
        Typed("apps", "v1", "replicasets", "replicaset", "ReplicaSet", ["rs"], All) with { HasStatus = true, ScalePaths = ScalePaths.BuiltIn },
        Typed("batch", "v1", "jobs", "job", "Job", [], All) with { HasStatus = true },
        Typed("batch", "v1", "cronjobs", "cronjob", "CronJob", ["cj"], All) with { HasStatus = true },
        Typed("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", ["pdb"], []) with { HasStatus = true },
        Typed("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", ["hpa"], All) with { HasStatus = true },
        Typed("coordination.k8s.io", "v1", "leases", "lease", "Lease", [], []),
        Typed("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", [], []),
        Typed("events.k8s.io", "v1", "events", "event", "Event", ["ev"], []) with { StorageKey = "events" },
        Typed("storage.k8s.io", "v1", "storageclasses", "storageclass", "StorageClass", ["sc"], []) with { Namespaced = false },
        // The CSI snapshot API as the external-snapshotter's CRDs serve it (hence custom: no strategic merge patch).
        Typed("snapshot.storage.k8s.io", "v1", "volumesnapshots", "volumesnapshot", "VolumeSnapshot", ["vs"], []) with { HasStatus = true, IsCustom = true },
        Typed("snapshot.storage.k8s.io", "v1", "volumesnapshotclasses", "volumesnapshotclass", "VolumeSnapshotClass", ["vsclass", "vsclasses"], [])
            with { IsCustom = true, Namespaced = false },
        Typed("snapshot.storage.k8s.io", "v1", "volumesnapshotcontents", "volumesnapshotcontent", "VolumeSnapshotContent", ["vsc", "vscs"], [])
            with { HasStatus = true, IsCustom = true, Namespaced = false },
        Typed("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", ["crd", "crds"], [])
            with { HasStatus = true, Namespaced = false },
    ];

    private static ResourceType Core(string plural, string singular, string kind, bool namespaced, string[] shortNames,
        bool status = false, string[]? categories = null) =>
        new("", "v1", plural, singular, kind, namespaced) { ShortNames = shortNames, HasStatus = status, Categories = categories ?? [] };

    private static ResourceType Typed(string group, string version, string plural, string singular, string kind,
        string[] shortNames, string[] categories) =>
        new(group, version, plural, singular, kind, Namespaced: true) { ShortNames = shortNames, Categories = categories };
}
