using IpsApi.Assets.Store;
using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Engine.Submit;
using IpsApi.Jobs.Handles;
using IpsApi.Jobs.JobTypes.Mapping;
using IpsApi.Jobs.JobTypes.UploadPost;
using IpsApi.Jobs.Store;
using IpsApi.Server.Auth;
using IpsApi.Server.Hosting;
using IpsApi.Server.Operations.Jobs;
using IpsApi.Server.Soap;
using IpsApi.Server.Soap.Mapping;
using UploadPostParam = IpsApi.Wire.UploadPostParam;
using Microsoft.Extensions.Options;

namespace IpsApi.Server.Upload;

/// <summary>Who POSTs, into which company and job: all a POST's checks but those of its files, done.</summary>
/// <param name="NewJob">The job the first POST of a job opens (jobName); null for a later POST.</param>
/// <param name="Job">The job a later POST adds to (jobHandle); null for a first POST.</param>
public sealed record UploadTarget(
    IpsCall Call, Company Company, UploadParamsDocument Params, JobDefinition? NewJob, JobRef? Job, bool EndJob)
{
    public UploadPostParam Param => Params.Param;
}

/// <summary>
/// What an UploadFile POST means, in two steps. <see cref="PrepareAsync"/>: authentication (authHeader part or HTTP
/// Basic, the roles of submitJob), the company, and either the job a first POST opens (<c>jobName</c> and the
/// <c>uploadParams</c> element, validated as submitJob validates a job element) or the open upload job of the same
/// user a later POST adds to (<c>jobHandle</c>). The endpoint asks for it before it takes the first file part when it
/// can, so a refused POST leaves no file behind. <see cref="AcceptAsync"/>: the files' destinations, then the files
/// are staged and their rows committed (with the job, for a first POST) before the POST is answered.
/// </summary>
public sealed class UploadPostHandler(
    Authenticator authenticator,
    CompanyAccess companies,
    JobHandleResolver handles,
    GroupCommitSubmitter submitter,
    UploadStore uploads,
    UploadStaging staging,
    UploadSignal signal,
    IOptions<ServerOptions> serverOptions)
{
    private static readonly UploadPostJobType JobType = new();

    /// <summary>The operation whose roles may upload: an upload opens a job.</summary>
    private const string RolesOf = "submitJob";

    public async Task<UploadTarget> PrepareAsync(UploadForm form, HttpRequest request, CancellationToken cancellationToken)
    {
        var maxDepth = serverOptions.Value.Soap.MaxDepth;
        var auth = form.Auth is null ? new AuthHeaderValues() : UploadDocuments.ReadAuth(form.Auth, maxDepth);
        var user = await authenticator.AuthenticateAsync(auth, request.Headers.Authorization, cancellationToken);
        if (!OperationRoles.IsAllowed(RolesOf, user.Role))
        {
            throw IpsFaultException.NoOperationPermission("UploadFile");
        }

        var document = form.Params is null
            ? throw IpsFaultException.MissingParameter("Missing required part: uploadParams (an uploadPostParam document)")
            : UploadDocuments.ReadParams(form.Params, maxDepth);
        var param = document.Param;
        var call = new IpsCall(new SoapRequest(SoapVersion.Soap11, "UploadFile", document.Namespace, auth, []), user, SoapGateway.LocaleOf(auth, request, serverOptions.Value.DefaultLocale));
        if (string.IsNullOrWhiteSpace(param.CompanyHandle))
        {
            throw IpsFaultException.MissingParameter("Missing required parameter: uploadParams/companyHandle");
        }

        var company = await companies.RequireAsync(call, param.CompanyHandle, cancellationToken);
        if (param.DestFolder is { } destFolder && FolderPaths.Problem(destFolder) is { } problem)
        {
            throw IpsFaultException.InvalidParameter($"Invalid parameter uploadParams/destFolder: {ValidationProblem.Quote(destFolder)}: {problem}");
        }

        var endJob = param.EndJob == true;
        if (!string.IsNullOrWhiteSpace(param.JobHandle))
        {
            var (_, job) = await handles.ResolveAsync(call, param.CompanyHandle, param.JobHandle, cancellationToken);
            call.JobHandle = new JobHandle(company.Handle, job.Name).ToString();
            Refuse(job.InUse ? await uploads.CheckAsync(job.JobId, user.Id, cancellationToken) : UploadAddOutcome.JobEnded, job);
            return new UploadTarget(call, company, document, null, job, endJob);
        }

        return new UploadTarget(call, company, document, NewJob(param), null, endJob);
    }

    /// <summary>
    /// Names the files, stages them and commits their rows; answers the job's handle. Nothing of the POST is kept when
    /// it fails: the caller discards the parts.
    /// </summary>
    public async Task<string> AcceptAsync(UploadTarget target, UploadForm form, IncomingFiles incoming)
    {
        var destinations = Destinations(target, form);
        var keys = await staging.StageAsync(incoming);
        var files = destinations.Select((d, i) => new StagedUpload(keys[i], d.Folder, d.Name, d.ClientName, form.Files[i].Size)).ToList();
        var call = target.Call;

        // Not the request's token from here: a client that goes away must not leave it open whether its files were kept.
        var none = CancellationToken.None;
        if (target.NewJob is { } definition)
        {
            var submitted = await submitter.SubmitAsync(
                new JobSubmission(
                    definition,
                    target.Company.Id,
                    SubmitUserId: call.User.Id,
                    NotifyUserId: call.User.Id,
                    Locale: definition.Locale ?? call.Locale,
                    ClientApp: call.Request.Auth.AppName,
                    ClientVersion: call.Request.Auth.AppVersion,
                    StoredWith: () => UploadStore.Open(files, target.EndJob)),
                none);
            call.JobHandle = submitted.Handle.ToString();
            return call.JobHandle;
        }

        var job = target.Job!;
        Refuse(await uploads.AddAsync(job.JobId, call.User.Id, files, target.EndJob, none), job);
        signal.Pulse(job.JobId);
        return call.JobHandle!;
    }

    /// <summary>While a later POST's files stream in, the job's idle timeout starts again.</summary>
    public Task StillReceivingAsync(UploadTarget? target, CancellationToken cancellationToken) =>
        target?.Job is { } job ? uploads.TouchAsync(job.JobId, cancellationToken) : Task.CompletedTask;

    /// <summary>The job definition of a first POST, every problem of it in one fault.</summary>
    private static JobDefinition NewJob(UploadPostParam param)
    {
        var reader = new WireReader(param.CompanyHandle);
        var jobName = reader.RequiredString(param.JobName, "uploadParams/jobName (or jobHandle)");
        SubmitJobMapper.CheckJobName(reader, jobName);
        SubmitJobMapper.CheckLocale(reader, param.Locale);
        UploadPostSpec? spec = null;
        if (param.UploadParams is null)
        {
            reader.Missing("uploadParams/uploadParams");
        }
        else
        {
            spec = JobType.Read(reader, param.UploadParams, "uploadParams/uploadParams");
        }

        if (reader.HasProblems)
        {
            throw SubmitJob.ValidationFault(reader.Problems);
        }

        return new JobDefinition(param.CompanyHandle!, jobName, null, param.Locale, new JobSchedule.RunNow(), param.Description, spec!);
    }

    /// <summary>
    /// Where each file part goes: <c>destFolder</c>, then <c>fileName</c> or the part's filename (which may hold
    /// folders, and the company's root path in front, as the IPS reference's example sends it). Empty folder names
    /// ("a//b") in a part's filename are dropped; ".." , "." and control characters are refused (30001).
    /// </summary>
    private static List<(string Folder, string Name, string ClientName)> Destinations(UploadTarget target, UploadForm form)
    {
        var param = target.Param;
        if (!string.IsNullOrEmpty(param.FileName) && form.Files.Count > 1)
        {
            throw IpsFaultException.InvalidParameter(
                $"Invalid parameter uploadParams/fileName: it names one file, and this POST has {form.Files.Count} file parts");
        }

        var destinations = new List<(string, string, string)>(form.Files.Count);
        foreach (var file in form.Files)
        {
            var given = !string.IsNullOrEmpty(param.FileName) ? param.FileName : file.FileName;
            if (string.IsNullOrEmpty(given))
            {
                throw IpsFaultException.MissingParameter(
                    $"Missing file name: the file part {FaultWriter.XmlSafe(file.PartName)} has no filename and uploadParams has no fileName");
            }

            var relative = string.Join('/', given.Split('/', StringSplitOptions.RemoveEmptyEntries));
            var path = string.IsNullOrEmpty(param.DestFolder) ? relative : $"{param.DestFolder.TrimEnd('/')}/{relative}";
            var problem = relative.Length == 0 ? "it names no file" : FolderPaths.Problem(path);
            var (folder, name) = problem is null ? FolderPaths.SplitFile(path, target.Company.Name) : ("", "");
            problem ??= FolderPaths.NameProblem(name);
            if (problem is not null)
            {
                throw IpsFaultException.InvalidParameter($"Invalid file name {ValidationProblem.Quote(given)}: {problem}");
            }

            destinations.Add((folder, name, given));
        }

        return destinations;
    }

    private static void Refuse(UploadAddOutcome outcome, JobRef job)
    {
        switch (outcome)
        {
            case UploadAddOutcome.OtherUser:
                throw new IpsFaultException(FaultKind.Authorization, 20007,
                    $"Illegal request user: the upload job {job.Name} was opened by another user");
            case UploadAddOutcome.JobEnded:
                throw IpsFaultException.InvalidParameter(
                    $"Invalid parameter jobHandle: the upload job {job.Name} has ended (endJob, its idle timeout, stopJob or deleteJob); open a new one with jobName");
            case UploadAddOutcome.NotAnUploadJob:
                throw IpsFaultException.InvalidParameter($"Invalid parameter jobHandle: job {job.Name} is not an upload job");
        }
    }
}
