namespace IpsApi.Jobs.Accounts;

/// <summary>
/// What a new password must be (docs/OPERATIONS.md, "Companies and users"): at least <see cref="MinLength"/> characters, not one
/// of the passwords every guesser tries first, not one character over and over, and not the user's own email or
/// name. Checked where passwords are set (the admin command); passwords already stored keep working.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    // The long ones of the lists guessers start with: shorter ones are refused by length already.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "123123123123", "147258369147",
        "1q2w3e4r5t6y", "1qaz2wsx3edc", "qwertyuiopas", "qwerty123456", "qwertyuiop123", "qwerty12345678", "asdfghjkl123",
        "password1234", "password12345", "password123!", "passw0rd1234", "passwordpassword", "p@ssw0rd1234", "password1!2@",
        "iloveyou1234", "letmein12345", "welcome12345", "welcome123456", "changeme1234", "administrator", "admin1234567",
        "abc123456789", "abcdefghijkl", "abcd12345678", "football1234", "baseball1234", "sunshine1234", "princess1234",
        "monkey123456", "dragon123456", "master123456", "trustno1trustno1", "superman1234", "starwars1234", "secret123456",
        "zaq12wsxcde3", "q1w2e3r4t5y6", "1234qwerasdf", "qazwsxedcrfv", "default12345", "computer1234", "internet1234",
    };

    /// <summary>Why <paramref name="password"/> is refused for <paramref name="email"/>; null when it is fine.</summary>
    public static string? Problem(string password, string email)
    {
        if (password.Length < MinLength)
        {
            return $"the password must have at least {MinLength} characters";
        }

        if (Common.Contains(password) || password.Distinct().Count() == 1)
        {
            return "the password is one of the first ones guessers try; choose another";
        }

        var local = email.Split('@')[0];
        if (password.Equals(email, StringComparison.OrdinalIgnoreCase)
            || (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase)))
        {
            return "the password must not contain the user's email or name";
        }

        return null;
    }
}
