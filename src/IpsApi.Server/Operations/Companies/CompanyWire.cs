using IpsApi.Jobs.Accounts;
using W = IpsApi.Wire;

namespace IpsApi.Server.Operations.Companies;

/// <summary>Companies and users as the wire types carry them.</summary>
public static class CompanyWire
{
    public static W.Company Of(Company company) => new()
    {
        CompanyHandle = company.Handle,
        Name = company.Name,
        RootPath = company.RootPath,
        Expires = company.Expires?.UtcDateTime,
    };

    public static W.User Of(User user) => new()
    {
        UserHandle = user.Handle,
        FirstName = user.FirstName,
        LastName = user.LastName,
        Email = user.Email,
        DefaultRole = user.Role.ToString(),
        IsValid = user.Active,
    };
}
