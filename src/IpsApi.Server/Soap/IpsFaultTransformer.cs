using System.ServiceModel.Channels;
using System.Xml;
using IpsApi.Jobs;
using SoapCore;
using SoapCore.Extensibility;

namespace IpsApi.Server.Soap;

/// <summary>
/// SoapCore hands every exception from an operation here. IPS faults are written as the contract says;
/// a request body XmlSerializer could not read is 30001; anything else is logged with an id and answered
/// as 30000 with that id only, so no exception text reaches the client. An operation cut short because the
/// gateway gave the call up is not logged as an error.
/// </summary>
public sealed class IpsFaultTransformer(IHttpContextAccessor http, ILogger<IpsFaultTransformer> logger) : IFaultExceptionTransformer
{
    public Message ProvideFault(Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceLookup)
    {
        var fault = ToFault(exception);
        if (http.HttpContext?.Features.Get<IpsCall>() is { } call)
        {
            call.Fault = fault;
        }

        var version = messageVersion.Envelope == System.ServiceModel.EnvelopeVersion.Soap12 ? SoapVersion.Soap12 : SoapVersion.Soap11;
        return Message.CreateMessage(messageVersion, action: null, new FaultBodyWriter(version, fault));
    }

    private IpsFaultException ToFault(Exception exception)
    {
        var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } e } ? e : exception;
        switch (inner)
        {
            case IpsFaultException fault:
                return fault;
            case not null when http.HttpContext?.RequestAborted.IsCancellationRequested == true:
                // The gateway gave the call up (or the client went away): nobody reads this answer.
                return IpsFaultException.ServerError("The call was given up");
            case InvalidOperationException { InnerException: FormatException or XmlException or OverflowException } bad:
                // XmlSerializer: "There is an error in XML document (line, column)." plus what was wrong.
                return IpsFaultException.InvalidParameter($"Invalid parameter value: {bad.Message} {bad.InnerException!.Message}");
            default:
                var errorId = ErrorId.New();
                logger.LogError(inner, "Operation failed, error id {ErrorId}", errorId);
                return IpsFaultException.ServerError($"Internal server error (error id {errorId})");
        }
    }

    private sealed class FaultBodyWriter(SoapVersion version, IpsFaultException fault) : BodyWriter(isBuffered: true)
    {
        protected override void OnWriteBodyContents(XmlDictionaryWriter writer) => FaultWriter.WriteFault(writer, version, fault);
    }
}
