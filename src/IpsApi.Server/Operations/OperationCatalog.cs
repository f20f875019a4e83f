using System.Reflection;
using System.ServiceModel;
using IpsApi.Jobs.Accounts;
using IpsApi.Server.Soap;
using IpsApi.Wire;

namespace IpsApi.Server.Operations;

/// <summary>One operation this server answers: its name, who may call it, and how to run its handler.</summary>
public sealed class SoapOperation(string name, MethodInfo contract, Type handler, IReadOnlySet<UserRole> roles, OperationInvoker invoke)
{
    /// <summary>The operation name: the SOAPAction and the body element without its Param suffix.</summary>
    public string Name { get; } = name;

    /// <summary>Its member of <see cref="IIpsApi"/>.</summary>
    public MethodInfo Contract { get; } = contract;

    public Type Handler { get; } = handler;

    public IReadOnlySet<UserRole> Roles { get; } = roles;

    /// <summary>Runs the handler on a request message; returns the handler's <c>Task&lt;TResponse&gt;</c>.</summary>
    public OperationInvoker Invoke { get; } = invoke;
}

public delegate object OperationInvoker(object request, IServiceProvider services, IpsCall call, CancellationToken cancellationToken);

/// <summary>
/// Every operation this server answers, each from one declaration: its member of <see cref="IIpsApi"/> (name and
/// messages) and its handler class (roles and behaviour). The envelope reader, the role check and the dispatch
/// behind SoapCore all read this catalog. It refuses to build when a member has no handler, a handler no member,
/// or a handler no roles, so a half-added operation stops the server at start, not a client at its first call.
/// </summary>
public sealed class OperationCatalog
{
    private readonly Dictionary<string, SoapOperation> _byName;

    private OperationCatalog(IEnumerable<SoapOperation> operations) =>
        _byName = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public static OperationCatalog Instance { get; } = Build(typeof(IIpsApi), typeof(OperationCatalog).Assembly);

    public IEnumerable<SoapOperation> All => _byName.Values;

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public SoapOperation? Find(string name) => _byName.GetValueOrDefault(name);

    internal static OperationCatalog Build(Type contract, Assembly handlers)
    {
        var handlerTypes = handlers.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOperationHandler<,>))
                .Select(i => (Type: t, Request: i.GenericTypeArguments[0], Response: i.GenericTypeArguments[1])))
            .ToList();

        var problems = new List<string>();
        var operations = new List<SoapOperation>();
        foreach (var method in contract.GetMethods())
        {
            var name = method.GetCustomAttribute<OperationContractAttribute>()?.Action;
            var request = method.GetParameters().SingleOrDefault()?.ParameterType;
            var response = method.ReturnType.IsGenericType ? method.ReturnType.GenericTypeArguments[0] : null;
            if (name is null || request is null || response is null)
            {
                problems.Add($"{contract.Name}.{method.Name} is not an operation: one message in, Task<message> out, an Action");
                continue;
            }

            var matches = handlerTypes.Where(h => h.Request == request && h.Response == response).ToList();
            if (matches.Count != 1)
            {
                problems.Add($"{name} has {matches.Count} handlers (IOperationHandler<{request.Name}, {response.Name}>); it needs one");
                continue;
            }

            var handler = matches[0].Type;
            var roles = handler.GetCustomAttribute<AllowedRolesAttribute>()?.Roles;
            if (roles is null || roles.Count == 0)
            {
                problems.Add($"{handler.Name} names no roles ([AllowedRoles(...)])");
                continue;
            }

            operations.Add(new SoapOperation(name, method, handler, roles.ToHashSet(), InvokerFor(handler, request, response)));
        }

        foreach (var orphan in handlerTypes.Where(h => !operations.Any(o => o.Handler == h.Type)))
        {
            if (!problems.Any(p => p.Contains(orphan.Request.Name, StringComparison.Ordinal)))
            {
                problems.Add($"{orphan.Type.Name} handles {orphan.Request.Name}, which no member of {contract.Name} takes");
            }
        }

        return problems.Count == 0
            ? new OperationCatalog(operations)
            : throw new InvalidOperationException("The SOAP operations are not declared right: " + string.Join("; ", problems));
    }

    private static OperationInvoker InvokerFor(Type handler, Type request, Type response) =>
        typeof(OperationCatalog).GetMethod(nameof(Run), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(handler, request, response)
            .CreateDelegate<OperationInvoker>();

    private static Task<TResponse> Run<THandler, TRequest, TResponse>(object request, IServiceProvider services, IpsCall call, CancellationToken cancellationToken)
        where THandler : IOperationHandler<TRequest, TResponse>
        where TRequest : notnull =>
        services.GetRequiredService<THandler>().HandleAsync((TRequest)request, call, cancellationToken);
}
