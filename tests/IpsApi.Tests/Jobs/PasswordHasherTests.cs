using IpsApi.Jobs.Accounts;

namespace IpsApi.Tests.Jobs;

/// <summary>Stored passwords: PBKDF2 with a salt, verified without ever throwing.</summary>
public sealed class PasswordHasherTests
{
    // Few iterations keep these tests fast; the format and the check do not depend on the count.
    private const int Iterations = 1000;

    [Fact]
    public void Right_password_verifies()
    {
        Assert.True(PasswordHasher.Verify("secret", PasswordHasher.Hash("secret", Iterations)));
    }

    [Theory]
    [InlineData("Secret")]
    [InlineData("secret ")]
    [InlineData("")]
    [InlineData("secre")]
    public void Wrong_password_does_not_verify(string attempt)
    {
        Assert.False(PasswordHasher.Verify(attempt, PasswordHasher.Hash("secret", Iterations)));
    }

    [Fact]
    public void Default_iteration_count_verifies()
    {
        var stored = PasswordHasher.Hash("p\u00e4ssw\u00f6rd \U0001F511");

        Assert.StartsWith($"pbkdf2-sha256${PasswordHasher.DefaultIterations}$", stored, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("p\u00e4ssw\u00f6rd \U0001F511", stored));
        Assert.False(PasswordHasher.Verify("passwort", stored));
    }

    [Fact]
    public void Two_hashes_of_the_same_password_differ_and_both_verify()
    {
        var first = PasswordHasher.Hash("secret", Iterations);
        var second = PasswordHasher.Hash("secret", Iterations);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
        Assert.True(PasswordHasher.Verify("secret", first));
        Assert.True(PasswordHasher.Verify("secret", second));
    }

    [Fact]
    public void Stored_form_is_scheme_iterations_salt_and_hash()
    {
        var parts = PasswordHasher.Hash("secret", Iterations).Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("1000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void Tampered_hash_salt_or_iterations_do_not_verify()
    {
        var parts = PasswordHasher.Hash("secret", Iterations).Split('$');
        var hash = Convert.FromBase64String(parts[3]);
        hash[0] ^= 1;
        var salt = Convert.FromBase64String(parts[2]);
        salt[^1] ^= 0x80;

        Assert.False(PasswordHasher.Verify("secret", string.Join('$', parts[0], parts[1], parts[2], Convert.ToBase64String(hash))));
        Assert.False(PasswordHasher.Verify("secret", string.Join('$', parts[0], parts[1], Convert.ToBase64String(salt), parts[3])));
        Assert.False(PasswordHasher.Verify("secret", string.Join('$', parts[0], "1001", parts[2], parts[3])));
        Assert.False(PasswordHasher.Verify("secret", string.Join('$', "pbkdf2-sha512", parts[1], parts[2], parts[3])));
    }

    [Fact]
    public void Stored_value_with_an_empty_hash_verifies_no_password()
    {
        const string stored = "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$";

        Assert.False(PasswordHasher.Verify("secret", stored));
        Assert.False(PasswordHasher.Verify("anything else", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret")]
    [InlineData("$$$")]
    [InlineData("pbkdf2-sha256")]
    [InlineData("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$x")]
    [InlineData("pbkdf2-sha256$x$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$-1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$99999999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$not base64!")]
    [InlineData("pbkdf2-sha256$1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$$$")]
    [InlineData("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy")]
    public void Garbage_stored_value_does_not_verify_and_does_not_throw(string stored)
    {
        var verified = true;
        var thrown = Record.Exception(() => verified = PasswordHasher.Verify("secret", stored));

        Assert.Null(thrown);
        Assert.False(verified);
    }
}
