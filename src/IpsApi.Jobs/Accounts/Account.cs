using IpsApi.Assets.Files;

namespace IpsApi.Jobs.Accounts;

/// <summary>
/// A company: its handle (opaque to this server, any string a client was given), its name, and the folder its
/// files live in. Its root folder, as clients write paths, is <see cref="RootPath"/>.
/// </summary>
public sealed record Company(long Id, string Handle, string Name, string StorageFolder)
{
    public DateTimeOffset? Expires { get; init; }

    public string? ImsOrgId { get; init; }

    /// <summary>The company's root as IPS paths start with it: its name and a slash.</summary>
    public string RootPath => $"{Name}/";

    public CompanyStorage Storage => new(StorageFolder);
}

public sealed record User(long Id, string Handle, string Email, UserRole Role, string FirstName, string LastName, bool Active);
