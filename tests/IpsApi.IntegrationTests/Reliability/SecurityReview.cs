namespace IpsApi.IntegrationTests.Reliability;

/// <summary>
/// The security section of docs/RELIABILITY.md: each attack on the dashboard, delivery and sessions adds its row
/// when its test has seen it held (written with IPSAPI_RELIABILITY_REPORT=1, as the rest of that file).
/// </summary>
public static class SecurityReview
{
    public static void Held(string tried, string times, string held, string figures = "-") =>
        ReliabilityRun.RecordRow("security-web", "Security: the dashboard, delivery and sessions", new Outcome(tried, times, held, figures));
}
