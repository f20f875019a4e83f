namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for something that happens in the background (a run ends, an email arrives) by polling it, with a
/// generous deadline: a slow machine makes the test slower, never red.
/// </summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, string what, int timeoutSeconds = 60, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        // What the test can say about the state it waited on, to read in the failure without rerunning it.
        var state = describe is null ? "" : $"; {await describe()}";
        throw new TimeoutException($"waited {timeoutSeconds} s for {what}; last seen: {last}{state}");
    }
}
