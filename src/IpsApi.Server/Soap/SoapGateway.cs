using System.Diagnostics;
using System.IO.Compression;
using IpsApi.Jobs;
using IpsApi.Server.Auth;
using IpsApi.Server.Hosting;
using IpsApi.Server.Soap.PlainXml;
using IpsApi.Server.Soap.Wsdl;
using IpsApi.Wire;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IpsApi.Server.Soap;

/// <summary>
/// The front door of the SOAP endpoint, in front of SoapCore. It does what SoapCore does not do for us:
/// serves our WSDL, reads the envelope safely and within limits, accepts every dated IPS namespace,
/// authenticates and checks the role, then lets SoapCore dispatch; on the way out it answers in the request's
/// namespace (without what that version's WSDL lacks), sets the fault status the caller asked for, gzips on
/// request, and logs one line per call.
/// The plain-XML endpoint AEM uses takes the same way: its Request document is read into the same
/// <see cref="SoapRequest"/>, and the envelope answered is cut down to the bare Return or fault detail element.
/// </summary>
public sealed class SoapGateway(
    RequestDelegate next,
    SoapDispatch soapCore,
    WsdlDocument wsdl,
    VersionedAnswers versionedAnswers,
    Authenticator authenticator,
    IServiceScopeFactory scopes,
    IHttpContextAccessor httpContextAccessor,
    DatabasePulse pulse,
    IOptions<ServerOptions> options,
    ILogger<SoapGateway> logger)
{
    private readonly SoapOptions _limits = options.Value.Soap;
    private readonly TimeSpan _callTimeout = TimeSpan.FromSeconds(options.Value.Soap.CallTimeoutSeconds);

    /// <summary>How often a call past its deadline asks again whether the database answers.</summary>
    private static readonly TimeSpan PulseRecheck = TimeSpan.FromMilliseconds(500);
    private readonly string _defaultLocale = options.Value.DefaultLocale;

    /// <summary>The plain-XML endpoint: a bare <c>Request</c> document in, the bare answer element out.</summary>
    public const string PlainXmlPath = "/scene7/api/IpsApiService";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var plainXml = path.Equals(PlainXmlPath, StringComparison.OrdinalIgnoreCase);
        if (!plainXml && !path.Equals(WsdlDocument.ServicePath, StringComparison.OrdinalIgnoreCase))
        {
            // Nothing lives below the service addresses (a trailing slash included): SoapCore only answers the gateway.
            if (path.StartsWithSegments(WsdlDocument.ServicePath, StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments(PlainXmlPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
            return;
        }

        if (!plainXml && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await wsdl.WriteAsync(context, null);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = plainXml ? "POST" : "GET, HEAD, POST";
            return;
        }

        await HandleCallAsync(context, plainXml);
    }

    private async Task HandleCallAsync(HttpContext context, bool plainXml)
    {
        var started = Stopwatch.GetTimestamp();
        SoapRequest? request = null;
        IpsCall? call = null;
        IpsFaultException? fault = null;
        var logged = false;
        try
        {
            var body = await ReadBodyAsync(context.Request, _limits.MaxRequestBytes, context.RequestAborted);
            request = plainXml ? PlainRequestReader.Read(body, _limits.MaxDepth) : EnvelopeReader.Read(body, _limits.MaxDepth);
            var read = request;
            var locale = LocaleOf(read, context.Request);
            string? authorization = context.Request.Headers.Authorization;
            var answer = await WithinDeadlineAsync(context, read, async (dispatch, cancellationToken) =>
            {
                var user = await authenticator.AuthenticateAsync(read.Auth, authorization, cancellationToken);
                if (!OperationRoles.IsAllowed(read.Operation, user.Role))
                {
                    throw IpsFaultException.NoOperationPermission(read.Operation);
                }

                call = new IpsCall(read, user, locale);
                return await DispatchAsync(dispatch, call);
            });
            fault = call!.Fault;
            if (fault is null && VersionedAnswers.VersionOf(request.BodyNamespace) is { } version && versionedAnswers.Trims(version))
            {
                answer = versionedAnswers.ForVersion(answer, version);
            }

            if (fault is null && request.BodyNamespace != IpsNamespaces.Types)
            {
                answer = NamespaceMapping.ToRequestNamespace(answer, request.BodyNamespace);
            }

            LogOutcome();
            await WriteAsync(context, request, fault is null ? StatusCodes.Status200OK : FaultStatus(request), answer, plainXml);
        }
        catch (IpsFaultException e)
        {
            fault = e;
            LogOutcome();
            await WriteFaultAsync(context, request, e, plainXml);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            var errorId = ErrorId.New();
            logger.LogError(e, "SOAP call failed, error id {ErrorId}", errorId);
            fault = IpsFaultException.ServerError($"Internal server error (error id {errorId})");
            LogOutcome();
            await WriteFaultAsync(context, request, fault, plainXml);
        }
        finally
        {
            // A call cut short (the client went away) is logged too.
            LogOutcome();
        }

        // Logged before the answer is written: whoever holds the answer can already find its line in the log.
        void LogOutcome()
        {
            if (logged)
            {
                return;
            }

            logged = true;
            Ops.Metrics.SoapMetrics.Call(plainXml ? "XML" : "SOAP", request?.Operation ?? "(unread)", fault?.Code, Stopwatch.GetElapsedTime(started));
            var endpoint = plainXml ? "XML" : "SOAP";
            var operation = request?.Operation ?? "(unread)";
            var company = call?.CompanyHandle ?? "-";
            var user = call?.User.Email ?? request?.Auth.User ?? "-";
            var outcome = fault is null ? "ok" : $"fault {fault.Code}";
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (call?.JobHandle is { } job)
            {
                logger.LogInformation("{Endpoint} {Operation} company {Company} user {User} job {JobHandle}: {Outcome} in {ElapsedMs:0.0} ms",
                    endpoint, operation, company, user, job, outcome, elapsed);
                return;
            }

            logger.LogInformation("{Endpoint} {Operation} company {Company} user {User}: {Outcome} in {ElapsedMs:0.0} ms",
                endpoint, operation, company, user, outcome, elapsed);
        }
    }

    /// <summary>
    /// Runs a call (authentication and SoapCore) against its deadline (see <see cref="DatabaseConnections"/>). Past
    /// the deadline a call goes on while the database answers a probe (it is merely slow), and is answered with
    /// fault 30000 as soon as it does not. The call works on an HTTP context of its own, a copy of what it needs
    /// from this one, so that this request can then be answered and completed while the call, cancelled, winds
    /// down in the background without touching it; the call's scope and token go when it ends.
    /// </summary>
    private async Task<byte[]> WithinDeadlineAsync(
        HttpContext context, SoapRequest request, Func<HttpContext, CancellationToken, Task<byte[]>> work)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var scope = scopes.CreateAsyncScope();
        var dispatch = DispatchContext(context, request, scope.ServiceProvider, cancel.Token);
        var started = Stopwatch.GetTimestamp();
        var running = RunAsync();
        var wait = _callTimeout;
        while (true)
        {
            try
            {
                var answer = await running.WaitAsync(wait, context.RequestAborted);
                CopySoapHeaders(dispatch, context);
                return answer;
            }
            catch (TimeoutException) when (!running.IsCompleted)
            {
                // A slow call on a database that answers goes on; so does one that ended while the probe ran.
                if (await pulse.AnsweringAsync() || running.IsCompleted)
                {
                    wait = PulseRecheck;
                    continue;
                }

                GiveUp();
                throw IpsFaultException.CallTimedOut(Stopwatch.GetElapsedTime(started));
            }
        }

        void GiveUp()
        {
            try
            {
                // Not awaited: Npgsql cancelling a command first sends a cancel request that waits on the server.
                _ = cancel.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // the call ended just now
            }

            _ = LogLateEndAsync();
        }

        async Task<byte[]> RunAsync()
        {
            try
            {
                // Only this call's flow sees its context (an AsyncLocal set inside an async method stays there);
                // setting it clears the request's own entry, which nothing after the gateway reads.
                httpContextAccessor.HttpContext = dispatch;
                return await work(dispatch, cancel.Token);
            }
            finally
            {
                httpContextAccessor.HttpContext = null;
                await scope.DisposeAsync();
                cancel.Dispose();
            }
        }

        async Task LogLateEndAsync()
        {
            try
            {
                await running;
                logger.LogInformation("{Operation} given up (fault 30000) while the database did not answer completed after {ElapsedMs:0} ms",
                    request.Operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e)
            {
                logger.LogInformation("{Operation} given up (fault 30000) while the database did not answer ended after {ElapsedMs:0} ms: {Reason}",
                    request.Operation, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.Message);
            }
        }
    }

    /// <summary>
    /// The context SoapCore dispatches a call on: the canonical envelope as a POST to the SOAP address (a
    /// plain-XML call too), with this request's headers, the call's services and its deadline token.
    /// </summary>
    private static DefaultHttpContext DispatchContext(HttpContext context, SoapRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var dispatch = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken };
        var from = context.Request;
        var to = dispatch.Request;
        to.Method = HttpMethods.Post;
        to.Scheme = from.Scheme;
        to.Host = from.Host;
        to.PathBase = from.PathBase;
        to.Path = WsdlDocument.ServicePath;
        to.Protocol = from.Protocol;
        foreach (var (name, value) in from.Headers)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                to.Headers[name] = value;
            }
        }

        to.Body = new MemoryStream(request.CanonicalEnvelope, writable: false);
        to.ContentLength = request.CanonicalEnvelope.Length;
        to.ContentType = request.Version.ContentType;
        to.Headers.ContentEncoding = default;
        // Clients send SOAPAction quoted, bare, empty or not at all: the body element decides.
        to.Headers["SOAPAction"] = request.Operation;
        dispatch.Connection.RemoteIpAddress = context.Connection.RemoteIpAddress;
        dispatch.Connection.RemotePort = context.Connection.RemotePort;
        dispatch.Response.Body = new MemoryStream();
        return dispatch;
    }

    /// <summary>Runs SoapCore on the call's own context and returns what it wrote.</summary>
    private async Task<byte[]> DispatchAsync(HttpContext dispatch, IpsCall call)
    {
        dispatch.Features.Set(call);
        await soapCore.Pipeline(dispatch);
        return ((MemoryStream)dispatch.Response.Body).ToArray();
    }

    /// <summary>Headers SoapCore set (SOAPAction on a fault) go out with the answer; the gateway sets type and length itself.</summary>
    private static void CopySoapHeaders(HttpContext answered, HttpContext context)
    {
        foreach (var (name, value) in answered.Response.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = value;
            }
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        Stream source = request.Body;
        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            source = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
        }
        else if (encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            throw IpsFaultException.InvalidRequestXml($"Unsupported Content-Encoding '{encoding}'");
        }

        // Bounded copy: a body (or a gzip bomb) larger than the limit is refused without being held.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request: the gzip-encoded body is corrupt");
        }
        finally
        {
            if (source != request.Body)
            {
                await source.DisposeAsync();
            }
        }

        if (buffer.Length == 0)
        {
            throw IpsFaultException.InvalidRequestXml("Invalid request XML: the body is empty");
        }

        return buffer.ToArray();
    }

    private static IpsFaultException TooLarge(long maxBytes) =>
        IpsFaultException.InvalidRequestXml($"Invalid request: the body is larger than the limit of {maxBytes} bytes");

    private string LocaleOf(SoapRequest request, HttpRequest httpRequest)
    {
        if (!string.IsNullOrWhiteSpace(request.Auth.Locale))
        {
            return request.Auth.Locale.Trim();
        }

        var accepted = httpRequest.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && l.Value.Value != "*")
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value!)
            .FirstOrDefault();
        return accepted ?? _defaultLocale;
    }

    private static int FaultStatus(SoapRequest? request) =>
        request?.Auth.FaultHttpStatusCode ?? StatusCodes.Status500InternalServerError;

    private static Task WriteFaultAsync(HttpContext context, SoapRequest? request, IpsFaultException fault, bool plainXml)
    {
        var version = request?.Version ?? (plainXml ? SoapVersion.Soap11 : SoapVersion.FromContentType(context.Request.ContentType));
        return WriteAsync(context, request, FaultStatus(request), FaultWriter.Envelope(version, fault), plainXml, version);
    }

    private static async Task WriteAsync(
        HttpContext context, SoapRequest? request, int status, byte[] body, bool plainXml, SoapVersion? version = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        // A plain-XML call is read as SOAP 1.1, whose content type is the plain text/xml one.
        response.ContentType = (version ?? request?.Version ?? SoapVersion.Soap11).ContentType;
        if (plainXml)
        {
            body = BareAnswer.FromEnvelope(body);
        }

        if (WantsGzip(context.Request, request))
        {
            response.Headers.ContentEncoding = "gzip";
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(body);
            }

            body = compressed.ToArray();
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static bool WantsGzip(HttpRequest httpRequest, SoapRequest? request) =>
        request?.Auth.GzipResponse
        ?? httpRequest.Headers.AcceptEncoding.Any(v => v?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
}

/// <summary>The SoapCore pipeline the gateway hands each call it has read and authenticated.</summary>
public sealed record SoapDispatch(RequestDelegate Pipeline);
