using System.Diagnostics;
using System.Text;
using System.Xml;
using IpsApi.Jobs;
using IpsApi.Jobs.JobTypes.UploadPost;
using IpsApi.Server.Soap;
using IpsApi.Server.Soap.PlainXml;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IpsApi.Server.Upload;

/// <summary>
/// <c>POST /scene7/UploadFile</c>, the endpoint desktop tools and integrations upload files through (README,
/// "Uploading files over HTTP"): reads the multipart body as it streams in (<see cref="UploadFormReader"/>), checks
/// who posts where before it takes the first file when the <c>auth</c> and <c>uploadParams</c> parts come first
/// (<see cref="UploadPostHandler"/>), and answers an <c>uploadPostReturn</c> document once the POST's files and rows
/// are stored, or an IPS fault element alone (as the plain-XML endpoint answers) with the HTTP status that
/// <c>faultHttpStatusCode</c> asks for (500 without it). A refused POST leaves nothing: its parts are deleted. One log
/// line per POST.
/// </summary>
public sealed class UploadFileEndpoint(
    UploadPostHandler handler,
    UploadStaging staging,
    IOptions<UploadOptions> options,
    ILogger<UploadFileEndpoint> logger)
{
    public const string Path = "/scene7/UploadFile";

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var limits = options.Value;
        // The endpoint holds bodies to its own limit, with a fault that says which; Kestrel's would only cut them off.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        var aborted = context.RequestAborted;
        var form = new UploadForm();
        var incoming = staging.BeginRequest();
        UploadTarget? target = null;
        IpsFaultException? fault = null;
        string? jobHandle = null;
        try
        {
            // Half the idle timeout, at most a minute: a POST still streaming keeps its job open.
            var heartbeat = TimeSpan.FromSeconds(Math.Clamp(limits.IdleTimeoutSeconds / 2.0, 0.5, 60));
            // The checks start as soon as both documents are in, before the first file part, and run while it streams
            // in: a refused POST is stopped at once, an accepted one does not wait for them.
            Task<UploadTarget>? checks = null;
            await UploadFormReader.ReadAsync(context.Request, form, incoming, limits,
                (read, token) =>
                {
                    if (checks is null && read.Params is not null && (read.Auth is not null || context.Request.Headers.Authorization.Count > 0))
                    {
                        read.Checks = checks = handler.PrepareAsync(read, context.Request, token);
                    }
                },
                token => handler.StillReceivingAsync(checks is { IsCompletedSuccessfully: true } ? checks.Result : null, token), heartbeat, aborted);
            target = await (checks ?? handler.PrepareAsync(form, context.Request, aborted));
            jobHandle = await handler.AcceptAsync(target, form, incoming);
            await WriteAsync(context, StatusCodes.Status200OK, Answer(jobHandle, target.Params.Namespace));
        }
        catch (IpsFaultException e)
        {
            fault = e;
            UploadStaging.Discard(incoming);
            await WriteAsync(context, FaultStatus(target, form), Fault(e));
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            // The client went away: nothing of its POST is kept, and there is no one to answer.
            UploadStaging.Discard(incoming);
        }
        catch (Exception e)
        {
            UploadStaging.Discard(incoming);
            var errorId = ErrorId.New();
            logger.LogError(e, "UploadFile POST failed, error id {ErrorId}", errorId);
            fault = IpsFaultException.ServerError($"Internal server error (error id {errorId})");
            await WriteAsync(context, FaultStatus(target, form), Fault(fault));
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            Ops.Metrics.SoapMetrics.Call("UploadFile", "UploadFile", fault?.Code, elapsed);
            logger.LogInformation(
                "UploadFile company {Company} user {User} job {JobHandle}: {Outcome}, {Files} file(s), {Bytes} bytes in {ElapsedMs:0.0} ms",
                target?.Call.CompanyHandle ?? "-", target?.Call.User.Email ?? "-", jobHandle ?? target?.Call.JobHandle ?? "-",
                aborted.IsCancellationRequested && jobHandle is null && fault is null ? "client went away" : fault is null ? "ok" : $"fault {fault.Code}",
                form.Files.Count, form.Bytes, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>
    /// The status the caller asked faults to come with: faultHttpStatusCode of its auth part, read even when the POST
    /// failed before it was (a readable auth part of a POST refused for its uploadParams still counts).
    /// </summary>
    private static int FaultStatus(UploadTarget? target, UploadForm form)
    {
        if (target?.Call.Request.Auth.FaultHttpStatusCode is { } asked)
        {
            return asked;
        }

        try
        {
            return form.Auth is null ? StatusCodes.Status500InternalServerError
                : UploadDocuments.ReadAuth(form.Auth, 64).FaultHttpStatusCode ?? StatusCodes.Status500InternalServerError;
        }
        catch (IpsFaultException)
        {
            return StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>The uploadPostReturn document, in the namespace the uploadParams part came in.</summary>
    private static byte[] Answer(string jobHandle, string ns)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("uploadPostReturn", ns);
            writer.WriteElementString("jobHandle", ns, FaultWriter.XmlSafe(jobHandle));
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>The fault's detail element alone, exactly as the plain-XML endpoint answers it.</summary>
    private static byte[] Fault(IpsFaultException fault) => BareAnswer.FromEnvelope(FaultWriter.Envelope(SoapVersion.Soap11, fault));

    /// <summary>What of a refused body is still read (and thrown away) so that a client still sending gets to read the fault.</summary>
    private const int DrainBytes = 1024 * 1024;

    private static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        if (status != StatusCodes.Status200OK && !await DrainAsync(context.Request.Body, context.RequestAborted))
        {
            // More is coming than is worth reading: the connection ends with the answer instead of taking the rest.
            response.Headers.Connection = "close";
        }

        response.StatusCode = status;
        response.ContentType = "text/xml; charset=utf-8";
        response.ContentLength = body.Length;
        try
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client stopped listening (a refused POST it was still sending, say).
        }
    }

    /// <summary>Reads what is left of a refused body, up to <see cref="DrainBytes"/> and two seconds; true when it ended.</summary>
    private static async Task<bool> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(2));
        var buffer = new byte[81920];
        try
        {
            for (var drained = 0; drained < DrainBytes;)
            {
                var read = await body.ReadAsync(buffer, limit.Token);
                if (read == 0)
                {
                    return true;
                }

                drained += read;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // Broken off, too slow, or no longer readable: not worth more.
        }

        return false;
    }
}

public static class UploadFileEndpoints
{
    /// <summary>The UploadFile endpoint; other methods than POST are answered 405 by routing.</summary>
    public static IEndpointRouteBuilder MapIpsUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(UploadFileEndpoint.Path, (HttpContext context, UploadFileEndpoint endpoint) => endpoint.HandleAsync(context));
        return endpoints;
    }

    public static IServiceCollection AddIpsUploads(this IServiceCollection services)
    {
        services.AddSingleton<UploadPostHandler>();
        services.AddSingleton<UploadFileEndpoint>();
        return services;
    }
}
