using IpsApi.Jobs.Accounts;
using IpsApi.Jobs.Definitions;
using IpsApi.Jobs.Handles;

namespace IpsApi.Jobs.Running;

/// <summary>A person a job mentions: who submitted it, who hears about it.</summary>
public sealed record Person(string Email, string FirstName, string LastName)
{
    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email;
}

/// <summary>A stored job as a run sees it.</summary>
public sealed record JobRecord(
    long Id,
    string Name,
    string OriginalName,
    JobDefinition Definition,
    string Locale,
    string? ClientApp,
    string? ClientVersion,
    Company Company,
    Person Submitter,
    Person Notify,
    string? Checkpoint)
{
    public JobHandle Handle => new(Company.Handle, Name);
}
