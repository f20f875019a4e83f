namespace IpsApi.Jobs.Accounts;

public sealed record Company(long Id, string Handle, string Name);

public sealed record User(long Id, string Handle, string Email, UserRole Role, string FirstName, string LastName, bool Active);
