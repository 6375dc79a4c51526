using BackendStack.Operator.DataPlane.Redis;

namespace BackendStack.Operator.RedisFailovers.Follower;

/// <summary>One followed failover: Sentinel's announcement and when the pods were relabelled.</summary>
internal sealed record MasterSwitch(
    RedisEndpoint From,
    RedisEndpoint To,
    string? FromPod,
    string? ToPod,
    DateTimeOffset AnnouncedAt,
    DateTimeOffset LabelledAt)
{
    public double ReactionMilliseconds => (LabelledAt - AnnouncedAt).TotalMilliseconds;

    public Api.FailoverRecord ToRecord() => new()
    {
        Time = new DateTime(AnnouncedAt.UtcTicks - (AnnouncedAt.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
        From = FromPod ?? From.ToString(),
        To = ToPod ?? To.ToString(),
        DetectedAfterMilliseconds = (long)Math.Round(ReactionMilliseconds),
    };
}
