namespace IpsApi.Jobs.Notifications;

/// <summary>Exponential backoff: the first retry after the base delay, each next one twice as late, capped.</summary>
internal static class RetrySchedule
{
    /// <param name="attempts">Attempts made so far, the failed one included (1 after the first failure).</param>
    public static TimeSpan DelayAfter(int attempts, TimeSpan first, TimeSpan max)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 40);
        var seconds = first.TotalSeconds * Math.Pow(2, doublings);
        return seconds >= max.TotalSeconds ? max : TimeSpan.FromSeconds(seconds);
    }
}
