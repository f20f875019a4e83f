using IpsApi.Jobs.Accounts;
using IpsApi.Server.Operations;

namespace IpsApi.Server.Auth;

/// <summary>
/// Which roles may call which operation: what each operation's handler declares (<see cref="AllowedRolesAttribute"/>).
/// The SOAP gateway and the dashboard both ask here, so a role can do the same in both.
/// </summary>
public static class OperationRoles
{
    public static bool IsAllowed(string operation, UserRole role) =>
        OperationCatalog.Instance.Find(operation)?.Roles.Contains(role) == true;
}
