using System.Reflection;
using System.Runtime.ExceptionServices;
using System.ServiceModel;
using IpsApi.Wire;

namespace IpsApi.IntegrationTests.Interop.ClientStacks;

/// <summary>
/// A ServiceModel channel that notes the operation of each call it passes on, so a test can say it called every
/// operation the server has (and fails when one is added that it does not call).
/// </summary>
public class RecordingApi : DispatchProxy
{
    private IIpsApi _channel = null!;

    public List<string> Called { get; } = [];

    public static IIpsApi Around(IIpsApi channel)
    {
        var api = Create<IIpsApi, RecordingApi>();
        ((RecordingApi)(object)api)._channel = channel;
        return api;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Called.Add(targetMethod.GetCustomAttribute<OperationContractAttribute>()?.Action ?? targetMethod.Name);
        try
        {
            return targetMethod.Invoke(_channel, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
