using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;

namespace IpsApi.Server.Operations;

/// <summary>
/// What one IPS operation does. The gateway has read the call, authenticated the caller and checked its role
/// against the handler's <see cref="AllowedRolesAttribute"/> before it runs; the handler checks the company,
/// maps wire types to the domain and answers. Its member of <c>IIpsApi</c> names the operation and its
/// messages; <see cref="OperationCatalog"/> pairs the two by request type.
/// </summary>
public interface IOperationHandler<in TRequest, TResponse>
{
    Task<TResponse> HandleAsync(TRequest request, IpsCall call, CancellationToken cancellationToken);
}

/// <summary>The roles that may call an operation, as the IPS API documentation lists them for it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedRolesAttribute(params UserRole[] roles) : Attribute
{
    public IReadOnlyList<UserRole> Roles { get; } = roles;
}
