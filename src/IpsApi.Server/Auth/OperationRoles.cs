using IpsApi.Jobs.Accounts;

namespace IpsApi.Server.Auth;

/// <summary>Which roles may call which operation (CONTRACT.md "Roles").</summary>
public static class OperationRoles
{
    private static readonly UserRole[] Submitters =
    [
        UserRole.IpsUser, UserRole.IpsAdmin, UserRole.TrialSiteAdmin, UserRole.TrialSiteUser,
        UserRole.ImagePortalAdmin, UserRole.ImagePortalContrib, UserRole.ImagePortalContribUser,
    ];

    private static readonly UserRole[] Controllers = [.. Submitters, UserRole.IpsCompanyAdmin];

    private static readonly UserRole[] LogReaders = [.. Controllers, UserRole.ImagePortalUser];

    private static readonly Dictionary<string, UserRole[]> Allowed = new(StringComparer.Ordinal)
    {
        ["submitJob"] = Submitters,
        ["executeJob"] = Submitters,
        ["getActiveJobs"] = Controllers,
        ["getScheduledJobs"] = Controllers,
        ["stopJob"] = Controllers,
        ["pauseJob"] = Controllers,
        ["resumeJob"] = Controllers,
        ["deleteJob"] = Controllers,
        ["getJobLogs"] = LogReaders,
        ["getJobLogDetails"] = LogReaders,
        ["getAssetJobLogs"] = LogReaders,
    };

    public static bool IsAllowed(string operation, UserRole role) =>
        Allowed.TryGetValue(operation, out var roles) && roles.Contains(role);
}
