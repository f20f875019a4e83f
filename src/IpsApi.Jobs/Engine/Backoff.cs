namespace IpsApi.Jobs.Engine;

/// <summary>Exponential backoff: the first retry after the base delay, each next one twice as late, capped.</summary>
public static class Backoff
{
    /// <param name="attempts">Attempts made so far, the failed one included (1 after the first failure).</param>
    /// <param name="first">The delay after the first failure.</param>
    /// <param name="max">The longest delay.</param>
    public static TimeSpan DelayAfter(int attempts, TimeSpan first, TimeSpan max)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 40);
        var seconds = first.TotalSeconds * Math.Pow(2, doublings);
        return seconds >= max.TotalSeconds ? max : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>What the engine waits before trying the database again: 1 s, 2 s, 4 s, ... up to 30 s.</summary>
    public static TimeSpan DatabaseRetry(int attempts) => DelayAfter(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}
