using IpsApi.Jobs.Accounts;
using IpsApi.Server.Auth;
using IpsApi.Server.Operations;

namespace IpsApi.Tests.Soap;

/// <summary>The roles the IPS API documents for each operation, written out here row by row, independently of the code.</summary>
public sealed class OperationRolesTests
{
    private static readonly string[] SubmitJobRoles =
    [
        "IpsUser", "IpsAdmin", "TrialSiteAdmin", "TrialSiteUser", "ImagePortalAdmin", "ImagePortalContrib",
        "ImagePortalContribUser",
    ];

    private static readonly string[] JobControlRoles =
    [
        "IpsUser", "IpsAdmin", "TrialSiteAdmin", "TrialSiteUser", "ImagePortalAdmin", "ImagePortalContrib",
        "ImagePortalContribUser", "IpsCompanyAdmin",
    ];

    private static readonly string[] JobLogRoles =
    [
        "IpsUser", "IpsAdmin", "TrialSiteAdmin", "TrialSiteUser", "ImagePortalAdmin", "ImagePortalContrib",
        "ImagePortalContribUser", "IpsCompanyAdmin", "ImagePortalUser",
    ];

    private static readonly string[] EveryRoleButWebService =
    [
        "IpsUser", "IpsAdmin", "IpsCompanyAdmin", "TrialSiteAdmin", "TrialSiteUser", "ImagePortalAdmin", "ImagePortalUser",
        "ImagePortalContrib", "ImagePortalContribUser",
    ];

    private static readonly string[] FolderWriters =
    [
        "IpsUser", "IpsAdmin", "IpsCompanyAdmin", "ImagePortalAdmin", "ImagePortalContrib", "ImagePortalContribUser",
    ];

    private static readonly string[] AssetWriters =
    [
        "IpsUser", "IpsAdmin", "IpsCompanyAdmin", "ImagePortalAdmin", "ImagePortalContrib", "ImagePortalContribUser",
    ];

    private static readonly Dictionary<string, string[]> Contract = new(StringComparer.Ordinal)
    {
        ["getCompanyInfo"] =
        [
            "IpsUser", "IpsAdmin", "TrialSiteAdmin", "TrialSiteUser", "ImagePortalAdmin", "ImagePortalUser", "ImagePortalContrib",
            "ImagePortalContribUser",
        ],
        ["getCompanyMembership"] = EveryRoleButWebService,
        ["getUserInfo"] = EveryRoleButWebService,
        ["checkLogin"] = EveryRoleButWebService,
        ["getCompanySettings"] = ["IpsAdmin", "IpsCompanyAdmin", "TrialSiteAdmin", "ImagePortalAdmin"],
        ["getFolderTree"] = ["IpsUser", "IpsAdmin", "IpsCompanyAdmin", "TrialSiteAdmin", "TrialSiteUser", "ImagePortalContrib", "ImagePortalContribUser"],
        ["getFolders"] = EveryRoleButWebService,
        ["createFolder"] = FolderWriters,
        ["deleteFolder"] = FolderWriters,
        ["renameFolder"] = FolderWriters,
        ["moveFolder"] = FolderWriters,
        ["getAssetsByName"] =
        [
            "IpsUser", "IpsAdmin", "IpsCompanyAdmin", "TrialSiteAdmin", "TrialSiteUser", "ImagePortalAdmin", "ImagePortalContrib",
            "ImagePortalContribUser",
        ],
        ["getAssets"] = EveryRoleButWebService,
        ["searchAssets"] = EveryRoleButWebService,
        ["searchAssetsByMetadata"] =
        [
            "IpsUser", "IpsAdmin", "IpsCompanyAdmin", "ImagePortalAdmin", "ImagePortalUser", "ImagePortalContrib", "ImagePortalContribUser",
        ],
        ["getAssetCounts"] = EveryRoleButWebService,
        ["deleteAsset"] = AssetWriters,
        // The documentation lists no roles for deleteAssets: deleteAsset's apply.
        ["deleteAssets"] = AssetWriters,
        ["restoreAssetsFromTrash"] = AssetWriters,
        ["emptyAssetsFromTrash"] = AssetWriters,
        ["renameAsset"] = AssetWriters,
        ["moveAsset"] = AssetWriters,
        ["moveAssets"] = AssetWriters,
        ["getAssociatedAssets"] = EveryRoleButWebService,
        ["getMetadataFields"] =
        [
            "IpsUser", "IpsAdmin", "IpsCompanyAdmin", "ImagePortalAdmin", "ImagePortalUser", "ImagePortalContrib", "ImagePortalContribUser",
        ],
        ["setAssetMetadata"] = AssetWriters,
        ["batchSetAssetMetadata"] = AssetWriters,
        ["setAssetPublishState"] = ["IpsUser", "IpsAdmin", "IpsCompanyAdmin", "ImagePortalContrib", "ImagePortalContribUser"],
        ["setAssetsPublishState"] = AssetWriters,
        ["submitJob"] = SubmitJobRoles,
        ["executeJob"] = SubmitJobRoles,
        ["getActiveJobs"] = JobControlRoles,
        ["getScheduledJobs"] = JobControlRoles,
        ["stopJob"] = JobControlRoles,
        ["pauseJob"] = JobControlRoles,
        ["resumeJob"] = JobControlRoles,
        ["deleteJob"] = JobControlRoles,
        ["getJobLogs"] = JobLogRoles,
        ["getJobLogDetails"] = JobLogRoles,
        ["getAssetJobLogs"] = JobLogRoles,
    };

    private static readonly string[] ContractRoles =
    [
        "IpsAdmin", "IpsCompanyAdmin", "IpsUser", "WebServiceUser", "TrialSiteAdmin", "TrialSiteUser",
        "ImagePortalAdmin", "ImagePortalUser", "ImagePortalContrib", "ImagePortalContribUser",
    ];

    public static TheoryData<string, UserRole, bool> EveryOperationAndRole()
    {
        var data = new TheoryData<string, UserRole, bool>();
        foreach (var (operation, allowed) in Contract)
        {
            foreach (var role in Enum.GetValues<UserRole>())
            {
                data.Add(operation, role, allowed.Contains(role.ToString()));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOperationAndRole))]
    public void Role_may_call_the_operation_exactly_when_the_contract_says_so(string operation, UserRole role, bool allowed)
    {
        Assert.Equal(allowed, OperationRoles.IsAllowed(operation, role));
    }

    [Fact]
    public void Roles_are_the_ones_the_contract_names()
    {
        Assert.Equal(ContractRoles.Order(StringComparer.Ordinal), Enum.GetNames<UserRole>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_operation_the_endpoint_reads_has_a_row_in_the_table()
    {
        Assert.Equal(Contract.Keys.Order(StringComparer.Ordinal), OperationCatalog.Instance.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WebServiceUser_may_call_no_operation()
    {
        Assert.All(Contract.Keys, operation => Assert.False(OperationRoles.IsAllowed(operation, UserRole.WebServiceUser)));
    }

    [Theory]
    [InlineData("getUsers")]
    [InlineData("SubmitJob")]
    [InlineData("submitJobParam")]
    [InlineData("")]
    public void Unknown_operation_is_allowed_to_no_role(string operation)
    {
        Assert.All(Enum.GetValues<UserRole>(), role => Assert.False(OperationRoles.IsAllowed(operation, role)));
    }
}
