namespace IpsApi.Jobs.Definitions;

/// <summary>
/// A job as submitted with <c>submitJob</c>, validated and free of wire types. It is stored as JSON
/// (<see cref="JobDefinitionJson"/>) and echoed back to clients exactly as it was given, so optional values
/// stay <c>null</c> when the client left them out.
/// </summary>
/// <param name="CompanyHandle">The company the job runs in.</param>
/// <param name="JobName">The submitted job name (the original name, before any de-duplication).</param>
/// <param name="NotifyUserHandle">The user who gets the job's emails (<c>userHandle</c>); null means the submitter.</param>
/// <param name="Locale">Locale of the job log and the emails (<c>ll</c> or <c>ll-CC</c>).</param>
/// <param name="Schedule">When the job runs.</param>
/// <param name="Description">Free text from the client.</param>
/// <param name="Spec">What the job does.</param>
public sealed record JobDefinition(
    string CompanyHandle,
    string JobName,
    string? NotifyUserHandle,
    string? Locale,
    JobSchedule Schedule,
    string? Description,
    JobSpec Spec);
