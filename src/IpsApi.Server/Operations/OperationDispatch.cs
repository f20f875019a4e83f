using System.Reflection;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations;

/// <summary>
/// The <see cref="IIpsApi"/> SoapCore calls: each member goes to its operation's handler (see
/// <see cref="OperationCatalog"/>), so no class repeats the list of operations. Created per call scope, with the
/// call the gateway prepared.
/// </summary>
public class OperationDispatch : DispatchProxy
{
    private IServiceProvider _services = null!;

    public static IIpsApi Create(IServiceProvider services)
    {
        var proxy = Create<IIpsApi, OperationDispatch>();
        ((OperationDispatch)(object)proxy)._services = services;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var name = targetMethod?.GetCustomAttribute<System.ServiceModel.OperationContractAttribute>()?.Action;
        var operation = (name is null ? null : OperationCatalog.Instance.Find(name))
            ?? throw new InvalidOperationException($"No operation for {targetMethod?.Name}.");
        var context = _services.GetRequiredService<IHttpContextAccessor>().HttpContext
            ?? throw new InvalidOperationException("No HTTP request in progress.");
        return operation.Invoke(args![0]!, _services, IpsCall.Of(context), context.RequestAborted);
    }
}

public static class OperationRegistration
{
    /// <summary>The dispatch SoapCore calls and every operation handler, scoped to the call.</summary>
    public static IServiceCollection AddIpsOperations(this IServiceCollection services)
    {
        foreach (var operation in OperationCatalog.Instance.All)
        {
            services.AddScoped(operation.Handler);
        }

        services.AddScoped(OperationDispatch.Create);
        return services;
    }
}
