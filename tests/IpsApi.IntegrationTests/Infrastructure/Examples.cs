namespace IpsApi.IntegrationTests.Infrastructure;

/// <summary>
/// The team's example envelopes (kept in Examples/, as in shared/ipsapi/examples), read as they are.
/// Tests for other companies swap the demo company and user for a test tenant's, leaving the rest untouched.
/// </summary>
public static class Examples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", name));

    public static string ForTenant(string envelope, TestTenant tenant) => envelope
        .Replace(">47</", $">{tenant.CompanyHandle}</", StringComparison.Ordinal)
        .Replace("user@example.com", tenant.Email, StringComparison.Ordinal)
        .Replace(">secret</", $">{tenant.Password}</", StringComparison.Ordinal);
}
